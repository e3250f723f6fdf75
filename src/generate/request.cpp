#include "generate/request.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/utf8.hpp"

namespace snai::generate {

namespace {

bool has_control_characters(std::string_view text) {
  return std::ranges::any_of(text, [](unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; });
}

Status check_filter(std::string_view text, std::string_view field) {
  if (text.size() > GenerateRequest::kMaxFilterChars)
    return fail(ErrorCode::invalid_argument, fmt::format("{} is longer than {} characters", field, GenerateRequest::kMaxFilterChars),
                std::string(field));
  bool allowed = std::ranges::all_of(text, [](unsigned char c) { return std::isalnum(c) || c == ' ' || c == '-'; });
  if (!allowed)
    return fail(ErrorCode::invalid_argument, fmt::format("{} may hold only letters, digits, spaces and hyphens", field),
                std::string(field));
  return ok();
}

}  // namespace

std::string fold_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (unsigned char c : name)  // ASCII lower-casing: std::tolower in the "C" locale, without the call
    if (std::isalnum(c)) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  return out;
}

int name_length(std::string_view name) {
  return static_cast<int>(std::ranges::count_if(name, [](unsigned char c) { return std::isalnum(c) || c >= 0x80; }));
}

Status validate(const GenerateRequest& r) {
  if (!is_valid_utf8(r.description)) return fail(ErrorCode::invalid_argument, "description is not valid UTF-8", "description");
  if (has_control_characters(r.description))
    return fail(ErrorCode::invalid_argument, "description contains control characters", "description");
  if (r.count < 1 || r.count > GenerateRequest::kMaxCount)
    return fail(ErrorCode::invalid_argument, fmt::format("count must be 1-{}, got {}", GenerateRequest::kMaxCount, r.count),
                "count");
  for (auto [value, field] : {std::pair{r.min_length, "min_length"}, std::pair{r.max_length, "max_length"}})
    if (value < 0 || value > GenerateRequest::kMaxLength)
      return fail(ErrorCode::invalid_argument, fmt::format("{} must be 1-{}, got {}", field, GenerateRequest::kMaxLength, value),
                  field);
  if (r.min_length > 0 && r.max_length > 0 && r.min_length > r.max_length)
    return fail(ErrorCode::invalid_argument,
                fmt::format("min_length {} is greater than max_length {}", r.min_length, r.max_length), "min_length");
  if (r.keywords.size() > GenerateRequest::kMaxKeywords)
    return fail(ErrorCode::invalid_argument, fmt::format("at most {} keywords", GenerateRequest::kMaxKeywords), "keywords");
  for (const auto& k : r.keywords)
    if (auto checked = check_filter(k, "keywords"); !checked) return checked;
  for (const auto& e : r.exclude)
    if (auto checked = check_filter(e, "exclude"); !checked) return checked;
  for (auto [value, field] : {std::pair{&r.contains, "contains"}, std::pair{&r.starts_with, "starts_with"},
                              std::pair{&r.ends_with, "ends_with"}})
    if (auto checked = check_filter(*value, field); !checked) return checked;
  return ok();
}

Constraints::Constraints(const GenerateRequest& r)
    : min_length_(r.min_length),
      max_length_(r.max_length),
      contains_(fold_name(r.contains)),
      starts_with_(fold_name(r.starts_with)),
      ends_with_(fold_name(r.ends_with)) {
  for (const auto& e : r.exclude)
    if (auto folded = fold_name(e); !folded.empty()) exclude_.push_back(std::move(folded));
}

bool Constraints::admits(std::string_view name) const {
  int length = name_length(name);
  if (min_length_ > 0 && length < min_length_) return false;
  if (max_length_ > 0 && length > max_length_) return false;
  if (!any()) return true;
  std::string folded = fold_name(name);
  if (!starts_with_.empty() && !folded.starts_with(starts_with_)) return false;
  if (!ends_with_.empty() && !folded.ends_with(ends_with_)) return false;
  if (!contains_.empty() && folded.find(contains_) == std::string::npos) return false;
  return std::ranges::none_of(exclude_, [&](const std::string& e) { return folded.find(e) != std::string::npos; });
}

bool Constraints::any() const {
  return !contains_.empty() || !starts_with_.empty() || !ends_with_.empty() || !exclude_.empty();
}

std::string Constraints::describe() const {
  std::vector<std::string> parts;
  if (min_length_ > 0 && max_length_ > 0)
    parts.push_back(fmt::format("{}-{} letters", min_length_, max_length_));
  else if (min_length_ > 0)
    parts.push_back(fmt::format("at least {} letters", min_length_));
  else if (max_length_ > 0)
    parts.push_back(fmt::format("at most {} letters", max_length_));
  if (!starts_with_.empty()) parts.push_back(fmt::format("starting with \"{}\"", starts_with_));
  if (!ends_with_.empty()) parts.push_back(fmt::format("ending with \"{}\"", ends_with_));
  if (!contains_.empty()) parts.push_back(fmt::format("containing \"{}\"", contains_));
  if (!exclude_.empty()) parts.push_back(fmt::format("without \"{}\"", fmt::join(exclude_, "\", \"")));
  return parts.empty() ? "no filters" : fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace snai::generate
