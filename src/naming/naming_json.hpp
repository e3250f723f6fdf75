// The JSON shape of generated names, fixed by DESIGN.md §2 and shared by `snai generate --json`
// and POST /v1/generate:
//   {"names":[{"name","style","score","explanation":{"model","reasons":[{"feature","effect","text"}]},"parts"}],
//    "took_ms", "notes"}
// and of scored names (`snai score --json`, POST /v1/score): {"names":[{"name","score","explanation"}]}
#pragma once

#include <nlohmann/json.hpp>

#include "naming/name_scoring.hpp"
#include "naming/namer.hpp"

namespace snai::naming {

nlohmann::json explanation_json(const score::NameScore& score);
// The strongest reasons on one line for tables, each marked + (helps) or - (hurts):
// "+ easy to say; - hard consonant cluster; + 6 letters: short".
std::string reasons_line(const score::NameScore& score, std::size_t count = 3);
nlohmann::json to_json(const NamingResult& result);
nlohmann::json to_json(std::span<const ScoredInput> scored);

}  // namespace snai::naming
