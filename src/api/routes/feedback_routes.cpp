#include "api/routes/feedback_routes.hpp"

#include "api/middleware/tenancy.hpp"
#include "api/routes/json_body.hpp"
#include "api/server/error_response.hpp"
#include "core/clock.hpp"
#include "generate/style.hpp"
#include "preference/preference_book.hpp"

namespace snai::api {
namespace {

enum class Verdict { favorite, dismiss, clear };

struct FeedbackBody {
  std::string name_id;
  Verdict verdict = Verdict::favorite;
};

Result<FeedbackBody> parse_feedback_body(const Request& http) {
  auto body = parse_json_body(http);
  if (!body) return fail(body.error());
  auto name_id = body->string("name_id", 64);
  if (!name_id) return fail(name_id.error());
  if (!*name_id || (*name_id)->empty()) return fail(ErrorCode::invalid_argument, "name_id is required", "name_id");
  auto kind = body->string("kind", 16);
  if (!kind) return fail(kind.error());
  if (!*kind) return fail(ErrorCode::invalid_argument, "kind is required: favorite, dismiss or clear", "kind");
  if (auto unknown = body->reject_unknown(); !unknown) return fail(unknown.error());
  FeedbackBody out{std::move(**name_id)};
  if (**kind == "favorite") out.verdict = Verdict::favorite;
  else if (**kind == "dismiss") out.verdict = Verdict::dismiss;
  else if (**kind == "clear") out.verdict = Verdict::clear;
  else return fail(ErrorCode::invalid_argument, "kind must be favorite, dismiss or clear", "kind");
  return out;
}

std::string_view event_type(Verdict verdict) {
  switch (verdict) {
    case Verdict::favorite: return "name.favorited";
    case Verdict::dismiss: return "name.dismissed";
    case Verdict::clear: return "name.cleared";
  }
  return "name.cleared";
}

// The preference book learns from the verdict in the background (record() never blocks).
void teach(preference::PreferenceBook* preferences, const Caller& caller, const storage::GeneratedName& name,
           Verdict verdict) {
  if (!preferences) return;
  const auto reaction = verdict == Verdict::favorite  ? preference::Reaction::favorite
                        : verdict == Verdict::dismiss ? preference::Reaction::dismiss
                                                      : preference::Reaction::clear;
  preferences->record({.user_id = caller.user_id,
                       .project_id = name.project_id,
                       .name = {.name = name.name,
                                .style = generate::parse_style(name.style).value_or(generate::Style::dictionary),
                                .parts = name.parts},
                       .reaction = reaction});
}

}  // namespace

void add_feedback_routes(Router& router, const ServerDeps& deps) {
  storage::Storage* storage = &deps.storage;
  preference::PreferenceBook* preferences = deps.preferences;
  router.post("/v1/feedback", with_caller([storage, preferences](const Request& http, const Caller& caller) {
    auto body = parse_feedback_body(http);
    if (!body) return json_body_error_response(body.error());
    auto name = owned_name(*storage, caller, body->name_id);
    if (!name) return error_response(name.error());

    nlohmann::json verdict = {{"name_id", name->id}, {"project_id", name->project_id}};
    if (body->verdict == Verdict::clear) {
      auto cleared = storage->clear_feedback(caller.user_id, name->id);
      if (!cleared && cleared.error().code != ErrorCode::not_found) return error_response(cleared.error());
      verdict["kind"] = nullptr;
      verdict["updated_ms"] = now_unix_ms();
    } else {
      auto kind = body->verdict == Verdict::favorite ? storage::FeedbackKind::favorite : storage::FeedbackKind::dismiss;
      auto stored = storage->set_feedback(caller.user_id, name->id, kind);
      if (!stored) return error_response(stored.error());
      verdict["kind"] = storage::to_string(stored->kind);
      verdict["updated_ms"] = stored->updated_ms;
    }
    // After the verdict is stored: a failed append answers 503 and the client's retry is
    // harmless (verdicts are idempotent), at worst recording the event twice.
    auto event = storage->append_events({{.type = std::string(event_type(body->verdict)),
                                          .user_id = caller.user_id,
                                          .project_id = name->project_id,
                                          .properties = {{"name_id", name->id}, {"name", name->name}}}});
    if (!event) return error_response(event.error());
    teach(preferences, caller, *name, body->verdict);
    return json_response(200, verdict);
  }), Access::key_required);
}

}  // namespace snai::api
