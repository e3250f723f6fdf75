// snai words WORD: everything the lexicon knows about a word — senses, relations,
// morphology, pronunciation and rhymes. Invented words get what can be derived from them.
#include <iostream>
#include <nlohmann/json.hpp>

#include "naming/artifacts.hpp"
#include "cli/command.hpp"
#include "core/utf8.hpp"
#include "lexicon/lexicon.hpp"
#include "lexicon/lexicon_builder.hpp"
#include "lexicon/pronunciation.hpp"

namespace snai::cli {

using naming::artifact_path;
namespace {

using nlohmann::json;

json words_of(const std::vector<lexicon::Related>& related, std::size_t limit = 40) {
  json out = json::array();
  for (const auto& r : related) {
    if (out.size() == limit) break;
    out.push_back(std::string(r.word));
  }
  return out;
}

json describe_word(const lexicon::Lexicon& lex, std::string_view word) {
  json out{{"word", word}};
  auto found = lex.lookup(word);
  out["known"] = found.has_value();
  if (found) {
    json pos = json::array();
    for (auto p : found->parts_of_speech.list()) pos.push_back(std::string(lexicon::to_string(p)));
    out["lemma"] = std::string(found->lemma);
    out["parts_of_speech"] = pos;
    out["frequency"] = found->tag_count;
    out["common"] = found->common;
    out["in_word_list"] = found->in_word_list;
  }
  json senses = json::array();
  for (auto ref : lex.synsets(word)) {
    if (senses.size() == 20) break;
    auto s = lex.synset(ref);
    json words = json::array(), examples = json::array();
    for (auto w : s.words) words.push_back(std::string(w));
    for (auto e : s.examples) examples.push_back(std::string(e));
    senses.push_back({{"id", s.wordnet_id()}, {"pos", std::string(lexicon::to_string(s.pos))},
                      {"lexname", std::string(s.lexname)}, {"words", words}, {"gloss", std::string(s.gloss)},
                      {"examples", examples}});
  }
  out["senses"] = senses;
  out["relations"] = {{"synonyms", words_of(lex.synonyms(word))},
                      {"hypernyms", words_of(lex.hypernyms(word))},
                      {"hyponyms", words_of(lex.hyponyms(word))},
                      {"similar_to", words_of(lex.similar_to(word))},
                      {"derivations", words_of(lex.derivations(word))},
                      {"domain_categories", words_of(lex.domain_categories(word))},
                      {"antonyms", words_of(lex.antonyms(word))}};
  auto split = lex.split_affixes(word);
  out["morphology"] = {{"lemma", lex.lemmatize(word)}, {"base_forms", lex.base_forms(word)},
                       {"prefix", split.prefix},   {"root", split.root},
                       {"suffix", split.suffix},   {"stem", lex.stem(word)}};
  lexicon::Pronouncer pronouncer(lex);
  auto p = pronouncer.pronounce(word);
  out["pronunciation"] = {{"arpabet", p.arpabet()},
                          {"source", std::string(lexicon::to_string(p.source))},
                          {"syllable_count", p.syllable_count},
                          {"syllables", p.spelled_syllables()},
                          {"stress", p.stress},
                          {"alternates", p.alternates}};
  out["rhymes"] = pronouncer.rhymes(word, 15);
  return out;
}

void print_plain(const json& d) {
  std::cout << d["word"].get<std::string>();
  if (d["known"]) {
    std::cout << " (" << d["lemma"].get<std::string>() << "; ";
    for (const auto& p : d["parts_of_speech"]) std::cout << p.get<std::string>() << " ";
    std::cout << "frequency " << d["frequency"] << ")";
  } else {
    std::cout << " (not in the lexicon)";
  }
  const auto& p = d["pronunciation"];
  std::cout << "\n  pronunciation  " << p["arpabet"].get<std::string>() << "  " << p["syllables"].get<std::string>()
            << "  (" << p["source"].get<std::string>() << ")\n";
  for (const auto& s : d["senses"])
    std::cout << "  " << s["pos"].get<std::string>() << "  " << s["gloss"].get<std::string>() << "\n";
  for (const auto& [name, words] : d["relations"].items()) {
    if (words.empty()) continue;
    std::cout << "  " << name << ": ";
    for (std::size_t i = 0; i < words.size() && i < 12; ++i) std::cout << (i ? ", " : "") << words[i].get<std::string>();
    std::cout << "\n";
  }
  if (!d["rhymes"].empty()) {
    std::cout << "  rhymes: ";
    for (std::size_t i = 0; i < d["rhymes"].size(); ++i) std::cout << (i ? ", " : "") << d["rhymes"][i].get<std::string>();
    std::cout << "\n";
  }
}

}  // namespace

void add_words_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* command = app.add_subcommand("words", "Show what the lexicon knows about words (senses, relations, sounds)");
  add_common_options(*command, options);
  static std::vector<std::string> words;
  command->add_option("words", words, "Words to describe")->required();
  command->callback([&] {
    auto config = config_or_report("words", options, exit_code);
    if (!config) return;
    for (const auto& w : words)
      if (!is_valid_utf8(w) || w.empty() || w.size() > 200) {
        exit_code = report_error("words", {ErrorCode::invalid_argument, "a word must be 1-200 bytes of UTF-8", "words"},
                                 options, kExitUsage);
        return;
      }
    auto lex = lexicon::Lexicon::open(artifact_path(*config, lexicon::kLexiconArtifactName));
    if (!lex) {
      exit_code = report_error("words", lex.error(), options);
      return;
    }
    json all = json::array();
    for (const auto& w : words) all.push_back(describe_word(*lex, w));
    if (options.json) std::cout << (all.size() == 1 ? all[0] : all).dump() << "\n";
    else
      for (const auto& d : all) print_plain(d);
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
