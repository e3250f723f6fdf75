#include "api/routes/project_json.hpp"

namespace snai::api {

nlohmann::json project_json(const storage::Project& project) {
  return {{"id", project.id},
          {"description", project.description},
          {"keywords", project.keywords},
          {"constraints", project.constraints},
          {"created_ms", project.created_ms}};
}

nlohmann::json name_json(const storage::GeneratedName& name, std::optional<storage::FeedbackKind> feedback) {
  return {{"id", name.id},
          {"name", name.name},
          {"style", name.style},
          {"score", name.score},
          {"parts", name.parts},
          {"created_ms", name.created_ms},
          {"feedback", feedback ? nlohmann::json(storage::to_string(*feedback)) : nlohmann::json(nullptr)}};
}

nlohmann::json name_json(const storage::ReviewedName& reviewed) { return name_json(reviewed.name, reviewed.feedback); }

}  // namespace snai::api
