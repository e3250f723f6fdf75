#include "semantic/corpus_builder.hpp"

#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <vector>

#include "semantic/embeddings.hpp"
#include "semantic/stop_words.hpp"

namespace snai::semantic {
namespace {

using lexicon::Relation;

// "medical practitioner" → "medical_practitioner"; "Dr." → "dr"; one token per WordNet word.
std::string word_token(std::string_view word) {
  std::string out;
  for (const auto& t : tokenize(word)) out += (out.empty() ? "" : "_") + t;
  return out;
}

// Content words of free text (a gloss, an example), lemmatised.
std::vector<std::string> content_tokens(const lexicon::Lexicon& lex, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text)) {
    if (t.size() < 2 || is_stop_word(t) || std::isdigit(static_cast<unsigned char>(t[0]))) continue;
    auto lemma = lex.lemmatize(t);
    out.push_back(lemma.find(' ') == std::string::npos ? lemma : t);
  }
  return out;
}

// How many times a synset's lines are written: 1 for rare senses, up to 4 for the first
// sense of frequent words.
int repetitions(const lexicon::Lexicon& lex, const lexicon::Synset& s) {
  std::uint32_t best = 0;
  for (auto w : s.words) {
    auto senses = lex.synsets(w);
    if (senses.empty() || senses.front() != s.ref) continue;  // only a word's first sense counts
    if (auto found = lex.lookup(w)) best = std::max(best, found->tag_count);
  }
  return 1 + static_cast<int>(std::min(3.0, std::log2(1.0 + best) / 2.5));
}

class CorpusWriter {
 public:
  explicit CorpusWriter(std::ofstream& out) : out_(out) {}
  void line(const std::vector<std::string>& tokens) {
    if (tokens.size() < 2) return;
    for (std::size_t i = 0; i < tokens.size(); ++i) out_ << (i ? " " : "") << tokens[i];
    out_ << '\n';
    ++stats_.lines;
    stats_.tokens += static_cast<std::int64_t>(tokens.size());
  }
  const CorpusStats& stats() const { return stats_; }

 private:
  std::ofstream& out_;
  CorpusStats stats_;
};

void append_words(const lexicon::Lexicon& lex, lexicon::SynsetRef ref, std::vector<std::string>& tokens,
                  std::size_t limit) {
  auto s = lex.synset(ref);
  for (std::size_t i = 0; i < s.words.size() && i < limit; ++i) tokens.push_back(word_token(s.words[i]));
}

void write_synset(const lexicon::Lexicon& lex, const lexicon::Synset& s, CorpusWriter& writer) {
  std::vector<std::string> words;
  for (auto w : s.words) words.push_back(word_token(w));
  auto gloss = content_tokens(lex, s.gloss);

  // The synonym set with its broader terms and topics: the core "means alike" context.
  std::vector<std::string> family = words;
  for (const auto& p : s.pointers) {
    if (p.relation == Relation::hypernym || p.relation == Relation::instance_hypernym ||
        p.relation == Relation::domain_topic || p.relation == Relation::similar_to)
      append_words(lex, p.target, family, 2);
  }
  int reps = repetitions(lex, s);
  for (int r = 0; r < reps; ++r) {
    writer.line(family);
    // Each word (up to four) followed by its definition.
    for (std::size_t i = 0; i < words.size() && i < 4; ++i) {
      std::vector<std::string> line{words[i]};
      line.insert(line.end(), gloss.begin(), gloss.end());
      writer.line(line);
    }
  }
  for (auto example : s.examples) {
    auto tokens = content_tokens(lex, example);
    tokens.insert(tokens.begin(), words.front());
    writer.line(tokens);
  }
  // Word-level links that say "related in meaning": derivations (medicine ~ medical),
  // pertainyms, attributes, parts and members.
  for (const auto& p : s.pointers) {
    switch (p.relation) {
      case Relation::derivation:
      case Relation::pertainym:
      case Relation::attribute:
      case Relation::also_see:
      case Relation::part_meronym:
      case Relation::member_meronym:
      case Relation::domain_topic_member: {
        auto target = lex.synset(p.target);
        if (target.words.empty()) break;
        bool lexical = p.source_word > 0 && p.source_word <= words.size() && p.target_word > 0 &&
                       p.target_word <= target.words.size();
        std::vector<std::string> pair{lexical ? words[p.source_word - 1] : words.front()};
        pair.push_back(word_token(lexical ? target.words[p.target_word - 1] : target.words.front()));
        writer.line(pair);
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace

Result<CorpusStats> build_corpus(const lexicon::Lexicon& lexicon, const std::filesystem::path& out_file,
                                 const std::function<void(double)>& progress) {
  std::ofstream out(out_file, std::ios::trunc);
  if (!out) return fail(ErrorCode::unavailable, fmt::format("cannot write {}", out_file.string()));
  CorpusWriter writer(out);
  std::size_t total = lexicon.synset_count(), done = 0;
  lexicon.for_each_synset([&](const lexicon::Synset& s) {
    if (!s.words.empty()) write_synset(lexicon, s, writer);
    if (progress && ++done % 4096 == 0) progress(static_cast<double>(done) / total);
  });
  out.flush();
  if (!out) return fail(ErrorCode::unavailable, fmt::format("cannot write {}", out_file.string()));
  return writer.stats();
}

}  // namespace snai::semantic
