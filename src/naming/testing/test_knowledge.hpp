// Test support: the naming knowledge from SNAI_TEST_DATA_DIR (built by scripts/test.sh with
// `snai data build`), loaded once per test binary and kept for its life.
//
//   auto knowledge = snai::naming::testing::test_knowledge();
//   ASSERT_TRUE(knowledge) << knowledge.error().describe();
//   Namer namer(**knowledge);
#pragma once

#include <cstdlib>
#include <memory>

#include "naming/knowledge.hpp"

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

}  // namespace snai::naming::testing
