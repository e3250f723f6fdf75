#include "generate/strategies.hpp"

namespace snai::generate {

std::vector<std::unique_ptr<Strategy>> all_strategies() {
  std::vector<std::unique_ptr<Strategy>> out;
  out.push_back(std::make_unique<DictionaryStrategy>());
  out.push_back(std::make_unique<CompoundStrategy>());
  out.push_back(std::make_unique<BlendStrategy>());
  out.push_back(std::make_unique<AffixStrategy>());
  out.push_back(std::make_unique<InventedStrategy>());
  out.push_back(std::make_unique<RespellingStrategy>());
  out.push_back(std::make_unique<MultiwordStrategy>());
  out.push_back(std::make_unique<RhymeStrategy>());
  out.push_back(std::make_unique<ForeignStrategy>());
  return out;
}

}  // namespace snai::generate
