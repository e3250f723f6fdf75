#include "conflicts/conflict_json.hpp"

#include <cmath>

namespace snai::conflicts {
namespace {

double rounded(double x) { return std::round(x * 1000) / 1000; }

}  // namespace

nlohmann::json to_json(const ConflictMatch& match) {
  return {{"brand", match.brand},
          {"risk", to_string(match.risk)},
          {"spelling", rounded(match.spelling)},
          {"sound", rounded(match.sound)},
          {"meaning", rounded(match.meaning)},
          {"reason", match.reason}};
}

nlohmann::json to_json(const std::vector<NameConflicts>& results) {
  auto list = nlohmann::json::array();
  for (const auto& r : results) {
    auto matches = nlohmann::json::array();
    for (const auto& m : r.matches) matches.push_back(to_json(m));
    list.push_back({{"name", r.name}, {"matches", std::move(matches)}});
  }
  return {{"results", std::move(list)}};
}

}  // namespace snai::conflicts
