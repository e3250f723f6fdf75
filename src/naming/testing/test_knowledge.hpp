// Test support: the naming knowledge from SNAI_TEST_DATA_DIR (built by scripts/test.sh with
// `snai data build`), loaded once per test binary and kept for its life.
//
//   auto knowledge = snai::naming::testing::test_knowledge();
//   ASSERT_TRUE(knowledge) << knowledge.error().describe();
//   Namer namer(**knowledge);
#pragma once

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>

#include "naming/knowledge.hpp"
#include "naming/namer.hpp"

namespace snai::naming::testing {

inline Result<const Knowledge*> test_knowledge() {
  // Never destroyed: XGBoost's thread-local state may be gone before static destructors run,
  // and freeing a booster then crashes the test binary after its tests have passed.
  static const auto& loaded = *new Result<std::unique_ptr<Knowledge>>([]() -> Result<std::unique_ptr<Knowledge>> {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    if (!dir)
      return fail(ErrorCode::failed_precondition,
                  "SNAI_TEST_DATA_DIR is not set: run through `make test` (it builds the data first)");
    Config config;
    config.storage.data_dir = dir;
    return load_knowledge(config);
  }());
  if (!loaded) return fail(loaded.error());
  return loaded->get();
}

// A Namer over test_knowledge() whose time budget a test machine never reaches, so no answer is
// cut short (such answers depend on load, and the response cache does not keep them).
inline Result<const Namer*> test_namer_without_deadline() {
  auto knowledge = test_knowledge();
  if (!knowledge) return fail(knowledge.error());
  static const Namer* namer = new Namer(**knowledge, {.budget = std::chrono::seconds(30)});
  return namer;
}

// A generate answer's JSON text without its "took_ms" field: two answers to one request are
// otherwise byte-equal.
inline std::string without_took_ms(std::string answer) {
  const auto at = answer.find("\"took_ms\":");
  if (at != std::string::npos) answer.erase(at, answer.find_first_of(",}", at) - at);
  return answer;
}

}  // namespace snai::naming::testing
