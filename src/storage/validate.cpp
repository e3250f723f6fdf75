#include "storage/validate.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

#include "storage/api_key_secret.hpp"

namespace snai::storage {
namespace {

Status check_text(std::string_view value, std::string_view field, std::size_t max_bytes, bool required) {
  if (required && value.empty()) return fail(ErrorCode::invalid_argument, fmt::format("{} is required", field), std::string(field));
  if (value.size() > max_bytes)
    return fail(ErrorCode::invalid_argument, fmt::format("{} is longer than {} bytes", field, max_bytes),
                std::string(field));
  if (!is_valid_utf8(value))
    return fail(ErrorCode::invalid_argument, fmt::format("{} is not valid UTF-8", field), std::string(field));
  if (value.find('\0') != std::string_view::npos)  // PostgreSQL text cannot hold NUL; keep both backends alike
    return fail(ErrorCode::invalid_argument, fmt::format("{} contains a NUL character", field), std::string(field));
  return ok();
}

}  // namespace

std::string_view to_string(FeedbackKind kind) { return kind == FeedbackKind::favorite ? "favorite" : "dismiss"; }

Result<FeedbackKind> parse_feedback_kind(std::string_view text) {
  if (text == "favorite") return FeedbackKind::favorite;
  if (text == "dismiss") return FeedbackKind::dismiss;
  return fail(ErrorCode::invalid_argument, fmt::format("kind must be favorite or dismiss, not '{}'", text), "kind");
}

Result<std::string> normalize_email(std::string_view email) {
  auto first = email.find_first_not_of(" \t");
  auto last = email.find_last_not_of(" \t");
  std::string out = first == std::string_view::npos ? "" : std::string(email.substr(first, last - first + 1));
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  if (auto st = check_text(out, "email", 254, true); !st) return fail(st.error());
  auto at = out.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= out.size() || out.find('@', at + 1) != std::string::npos ||
      out.find_first_of(" \t\r\n") != std::string::npos)
    return fail(ErrorCode::invalid_argument, fmt::format("'{}' is not an email address", out), "email");
  return out;
}

Status validate(const NewUser& user) {
  if (auto email = normalize_email(user.email); !email) return fail(email.error());
  return check_text(user.display_name, "display_name", 200, false);
}

Status validate(const NewProject& project) {
  if (auto st = check_text(project.owner_id, "owner_id", 64, true); !st) return st;
  return validate(ProjectPatch{project.description, project.keywords, project.constraints});
}

Status validate(const ProjectPatch& patch) {
  if (patch.description)
    if (auto st = check_text(*patch.description, "description", 2000, true); !st) return st;
  if (patch.keywords) {
    if (patch.keywords->size() > 50) return fail(ErrorCode::invalid_argument, "at most 50 keywords", "keywords");
    for (const auto& k : *patch.keywords)
      if (auto st = check_text(k, "keywords", 100, true); !st) return st;
  }
  if (patch.constraints && !patch.constraints->is_object())
    return fail(ErrorCode::invalid_argument, "constraints must be a JSON object", "constraints");
  return ok();
}

Status validate(const NewName& name) {
  if (auto st = check_text(name.name, "name", 100, true); !st) return st;
  if (auto st = check_text(name.style, "style", 32, true); !st) return st;
  if (!(name.score >= 0 && name.score <= 100))
    return fail(ErrorCode::invalid_argument, "score must be between 0 and 100", "score");
  if (name.parts.size() > 20) return fail(ErrorCode::invalid_argument, "at most 20 parts", "parts");
  for (const auto& p : name.parts)
    if (auto st = check_text(p, "parts", 100, false); !st) return st;
  return ok();
}

Status validate(const NewEvent& event) {
  if (auto st = check_text(event.type, "type", 100, true); !st) return st;
  if (auto st = check_text(event.user_id, "user_id", 64, false); !st) return st;
  if (auto st = check_text(event.project_id, "project_id", 64, false); !st) return st;
  if (!event.properties.is_object())
    return fail(ErrorCode::invalid_argument, "properties must be a JSON object", "properties");
  return ok();
}

Status validate(const PageRequest& page) {
  if (page.limit < 1 || page.limit > 1000)
    return fail(ErrorCode::invalid_argument, "limit must be between 1 and 1000", "limit");
  return check_text(page.after, "after", 128, false);
}

namespace {

template <class T>
Status validate_batch(const std::vector<T>& items, std::string_view list) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (auto st = validate(items[i]); !st) {
      auto error = st.error();
      error.message = fmt::format("{}[{}]: {}", list, i, error.message);
      return fail(std::move(error));
    }
  return ok();
}

}  // namespace

Status validate(const std::vector<NewName>& names) { return validate_batch(names, "names"); }

Status validate(const std::vector<NewEvent>& events) { return validate_batch(events, "events"); }

Status validate_api_key_label(std::string_view label) {
  if (!is_valid_utf8(label) || label.size() > 200)
    return fail(ErrorCode::invalid_argument, "label must be UTF-8 text of at most 200 bytes", "label");
  return ok();
}

Status check_api_key_secret(std::string_view secret) {
  if (!secret.starts_with(kApiKeySecretPrefix) || secret.size() > 128)
    return fail(ErrorCode::unauthenticated, "API key is malformed");
  return ok();
}

std::unexpected<Error> unknown_api_key() { return fail(ErrorCode::unauthenticated, "API key is unknown or revoked"); }

std::unexpected<Error> not_found(std::string_view what, std::string_view id, std::string_view field) {
  return fail(ErrorCode::not_found, fmt::format("{} {} does not exist", what, id), std::string(field));
}

std::unexpected<Error> owner_not_found(std::string_view owner_id) { return not_found("owner", owner_id, "owner_id"); }

std::unexpected<Error> feedback_not_found() {
  return fail(ErrorCode::not_found, "no feedback from this user on this name", "name_id");
}

std::unexpected<Error> email_taken(std::string_view email) {
  return fail(ErrorCode::conflict, fmt::format("a user with email {} exists", email), "email");
}

std::unexpected<Error> name_taken(std::string_view name, std::string_view project_id) {
  return fail(ErrorCode::conflict, fmt::format("name '{}' is already in project {}", name, project_id), "name");
}

Result<FeedbackKind> parse_stored_feedback_kind(std::string_view text) {
  auto kind = parse_feedback_kind(text);
  if (!kind) return fail(ErrorCode::data_corrupt, "stored feedback kind is unknown", "kind");
  return kind;
}

Result<std::int64_t> parse_seq_cursor(std::string_view after) {
  if (after.empty()) return 0;
  std::int64_t seq = 0;
  auto [end, ec] = std::from_chars(after.data(), after.data() + after.size(), seq);
  if (ec != std::errc{} || end != after.data() + after.size() || seq < 0)
    return fail(ErrorCode::invalid_argument, "after is not a cursor from this list", "after");
  return seq;
}

}  // namespace snai::storage
