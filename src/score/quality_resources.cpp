#include "score/quality_resources.hpp"

#include "core/file_io.hpp"

#include <charconv>
#include <fmt/format.h>
#include <fstream>

#include "brands/brand_registry.hpp"
#include "charlm/training_words.hpp"
#include "lexicon/lexicon.hpp"
#include "score/famous_brands.hpp"

namespace snai::score {

namespace {

constexpr std::string_view kWordsHeader = "snai-quality-words\t1";

std::unique_ptr<QualityResources> indexes(const lexicon::Lexicon& lexicon, const brands::BrandRegistry& registry,
                                          const screening::NameScreen* screen) {
  auto r = std::make_unique<QualityResources>();
  r->brands = BrandNeighbours(registry);
  r->famous = BrandNeighbours(std::vector<std::string>(famous_brands().begin(), famous_brands().end()));
  r->lexicon = &lexicon;
  r->screen = screen;
  return r;
}

}  // namespace

Result<std::unique_ptr<QualityResources>> QualityResources::build(const lexicon::Lexicon& lexicon,
                                                                  const brands::BrandRegistry& registry,
                                                                  const screening::NameScreen* screen) {
  auto words = charlm::lexicon_training_words(lexicon);
  auto model = charlm::CharModel::train(words, {.order = kCharOrder});
  if (!model) return fail(model.error());
  auto r = indexes(lexicon, registry, screen);
  r->char_model.emplace(std::move(*model));
  r->word_entries = WordTable::entries(lexicon);
  r->words = WordTable::from(r->word_entries);
  r->negative_words = NegativeWords::build(lexicon);
  return r;
}

Status QualityResources::save(const std::filesystem::path& char_model_file, const std::filesystem::path& words_file) const {
  if (!char_model || word_entries.empty())
    return fail(ErrorCode::failed_precondition, "only built quality resources can be saved");
  if (auto saved = char_model->save(char_model_file); !saved) return saved;
  std::string text = std::string(kWordsHeader) + "\n";
  for (const auto& [w, info] : word_entries)
    text += fmt::format("{}\t{}\t{}\t{}\n", w, info.common ? 1 : 0, info.tag_count, negative_words.contains_exact(w) ? 1 : 0);
  return write_file_atomically(words_file, text);
}

Result<std::unique_ptr<QualityResources>> QualityResources::load(const std::filesystem::path& char_model,
                                                                 const std::filesystem::path& words_file,
                                                                 const lexicon::Lexicon& lexicon,
                                                                 const brands::BrandRegistry& registry,
                                                                 const screening::NameScreen* screen) {
  auto model = charlm::CharModel::load(char_model);
  if (!model) return fail(model.error());
  std::ifstream in(words_file);
  if (!in) return fail(ErrorCode::not_found, fmt::format("{} is missing: run `snai data build`", words_file.string()));
  std::string line;
  if (!std::getline(in, line) || line != kWordsHeader)
    return fail(ErrorCode::data_corrupt, fmt::format("{} is not a quality word list of this version", words_file.string()));
  WordTable::Entries entries;
  std::vector<std::string> negative;
  for (std::size_t n = 2; std::getline(in, line); ++n) {
    auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos || t3 == std::string::npos || t1 == 0)
      return fail(ErrorCode::data_corrupt, fmt::format("{} line {}: expected word, common, tag count, negative", words_file.string(), n));
    std::string word = line.substr(0, t1);
    std::uint32_t tags = 0;
    auto tag_text = std::string_view(line).substr(t2 + 1, t3 - t2 - 1);
    std::from_chars(tag_text.data(), tag_text.data() + tag_text.size(), tags);
    if (line[t3 + 1] == '1') negative.push_back(word);
    entries.emplace_back(std::move(word), WordTable::Info{line[t1 + 1] == '1', tags});
  }
  auto r = indexes(lexicon, registry, screen);
  r->char_model.emplace(std::move(*model));
  r->words = WordTable::from(entries);
  r->negative_words = NegativeWords(std::move(negative));
  return r;
}

}  // namespace snai::score
