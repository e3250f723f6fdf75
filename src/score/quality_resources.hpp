// What the quality model's features read, gathered in one place: its own character model of
// English spelling (trained on the lexicon only — the shared charlm.bin also learns brand names,
// which would let the model recognise its positives instead of judging them), the lexicon's
// words with their frequency, the one-edit brand indexes, the negative-word list, the lexicon
// and the name screen. The `quality` stage of `snai data build` builds them (seconds) and saves
// the costly parts — the character model and the word list — so loading takes ~0.1 s.
//
//   auto res = QualityResources::load(dir / "quality_charlm.bin", dir / "quality_words.tsv",
//                                     lexicon, registry, &screen);
//   auto model = QualityModel::load(dir / "quality.xgb", (*res)->context());   // res outlives model
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "charlm/char_model.hpp"
#include "core/result.hpp"
#include "score/features.hpp"

namespace snai::score {

struct QualityResources {
  // Order 5: a smoother model of how words are spelt generalises better to invented names than
  // the order-6 generator model; the lexicon alone trains it in a few seconds.
  static constexpr int kCharOrder = 5;

  std::optional<charlm::CharModel> char_model;
  WordTable words;  // the lexicon's words, hashed
  BrandNeighbours brands;
  BrandNeighbours famous;  // famous_brands()
  NegativeWords negative_words;
  const lexicon::Lexicon* lexicon = nullptr;
  const screening::NameScreen* screen = nullptr;  // may be null: no offensive readings then
  WordTable::Entries word_entries;                 // kept by build() for save(); empty after load()

  FeatureContext context() const {
    return {.char_model = char_model ? &*char_model : nullptr, .lexicon = lexicon, .words = &words,
            .brands = &brands,
            .famous = &famous, .screen = screen, .negative_words = &negative_words};
  }

  // Trains the character model from the lexicon (a few seconds) and builds the rest (~1 s).
  static Result<std::unique_ptr<QualityResources>> build(const lexicon::Lexicon& lexicon,
                                                         const brands::BrandRegistry& registry,
                                                         const screening::NameScreen* screen);
  // Writes the character model and the word list (word, common, tag count, negative) for load().
  Status save(const std::filesystem::path& char_model_file, const std::filesystem::path& words_file) const;
  // Reads what save() wrote; not_found / data_corrupt (with the reason) when missing or damaged.
  static Result<std::unique_ptr<QualityResources>> load(const std::filesystem::path& char_model,
                                                        const std::filesystem::path& words_file,
                                                        const lexicon::Lexicon& lexicon,
                                                        const brands::BrandRegistry& registry,
                                                        const screening::NameScreen* screen);
};

}  // namespace snai::score
