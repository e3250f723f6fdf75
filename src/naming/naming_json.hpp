// The JSON shape of generated names, fixed by DESIGN.md §2 and shared by `snai generate --json`
// and POST /v1/generate:
//   {"names":[{"name","style","score","explanation":{"model","reasons":[{"feature","effect","text"}]},"parts"}],
//    "took_ms", "notes"}
#pragma once

#include <nlohmann/json.hpp>

#include "naming/namer.hpp"

namespace snai::naming {

nlohmann::json explanation_json(const score::NameScore& score);
nlohmann::json to_json(const NamingResult& result);

}  // namespace snai::naming
