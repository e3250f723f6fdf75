// The JSON shape of brand conflicts, a fixed seam (docs/architecture.md) shared by `snai conflicts --json` and
// POST /v1/conflicts:
//   {"results":[{"name","matches":[{"brand","risk","spelling","sound","meaning","reason"}]}]}
// in input order; similarities are rounded to 3 decimals.
//
//   auto results = index.check({"Lift", "Strype"});
//   if (results) std::cout << snai::conflicts::to_json(*results).dump();
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "conflicts/conflict_index.hpp"

namespace snai::conflicts {

nlohmann::json to_json(const ConflictMatch& match);
nlohmann::json to_json(const std::vector<NameConflicts>& results);

}  // namespace snai::conflicts
