#include "semantic/concept_expander.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <unordered_map>

#include "core/utf8.hpp"
#include "semantic/gloss_index.hpp"
#include "semantic/internal/expansion_words.hpp"
#include "semantic/stop_words.hpp"

namespace snai::semantic {

using internal::familiarity;
using internal::kMaxSensesForMentions;
using internal::kMinFamiliar;
using internal::normalize_candidate;
using internal::Scores;
using internal::usable_word;

namespace {

using lexicon::Pos;
using lexicon::Relation;

// Latin letters (ASCII or the accented ones of U+00C0-U+024F): emoji and symbols are no concept.
bool has_letters(std::string_view token) {
  for (std::size_t i = 0; i < token.size(); ++i) {
    auto c = static_cast<unsigned char>(token[i]);
    if (std::isalpha(c)) return true;
    if (c >= 0xc3 && c <= 0xc9 && i + 1 < token.size()) return true;  // lead bytes of U+00C0-U+024F
  }
  return false;
}

// Weights of the evidence each source gives (measured on concept_expander_datatest: the
// expected words of 33 descriptions in the top 50).
constexpr double kVerbSalience = 0.8;       // "budgeting", "walking": what the company does
constexpr double kFillerSalience = 0.5;     // "app", "platform", "service"
constexpr double kContextWeight = 1.0;      // sense choice: fit to the other concepts vs WordNet order
constexpr double kConfidentTagCount = 50;   // tags from which WordNet's sense order counts in full
constexpr double kGlossWeight = 0.45;       // words of the concept's definition
constexpr double kOtherPosWeight = 0.5;     // the noun's first sense for a verb concept, and back
constexpr double kNeighbourWeight = 0.8;    // embedding neighbours of one concept
constexpr double kDescriptionWeight = 0.6;  // embedding neighbours of the whole description
constexpr int kNeighbourPool = 100;         // searched, then the familiar ones kept

// Rare words say more about a company than frequent ones: "doctor" over "take".
double salience(const std::optional<lexicon::Word>& word, std::optional<Pos> as = {}) {
  if (!word) return 0.55;
  auto is = [&](Pos p) { return as ? *as == p : word->parts_of_speech.contains(p); };
  double pos = is(Pos::noun) ? 1.0 : is(Pos::adjective) ? 0.8 : is(Pos::verb) ? kVerbSalience : 0.5;
  if (word->tag_count > 1000) pos *= 0.5;  // take, make, use: they say nothing about a company
  double rarity = 1.0 / (1.0 + std::log1p(static_cast<double>(word->tag_count)) / 15.0);
  return pos * rarity;
}

// Acronyms that product descriptions use in one sense only; WordNet lists them among other
// senses ("AI" is also Army Intelligence and a sloth) or not at all. Each maps to a WordNet lemma.
std::string expand_acronym(std::string_view token) {
  static const std::unordered_map<std::string_view, std::string_view> acronyms = {
      {"ai", "artificial intelligence"}, {"ml", "machine learning"}, {"vr", "virtual reality"},
      {"hr", "human resources"},         {"saas", "software"},        {"api", "interface"},
      {"b2b", "business"},               {"iot", "internet"},         {"crm", "customer"},
      {"ev", "electric car"},            {"ar", "augmented reality"}, {"nft", "token"}};
  auto it = acronyms.find(token);
  return it == acronyms.end() ? std::string() : std::string(it->second);
}

struct RelationWeight {
  Relation relation;
  const char* name;
  double weight;
  std::size_t limit;  // per sense
};

constexpr RelationWeight kRelations[] = {
    {Relation::synonym, "synonym", 0.9, 12},       {Relation::similar_to, "similar", 0.7, 8},
    {Relation::derivation, "derivation", 0.7, 6},   {Relation::pertainym, "derivation", 0.7, 4},
    {Relation::hypernym, "hypernym", 0.6, 6},      {Relation::domain_topic, "domain", 0.6, 4},
    {Relation::hyponym, "hyponym", 0.5, 15},       {Relation::also_see, "similar", 0.5, 4},
    {Relation::attribute, "derivation", 0.5, 4},   {Relation::domain_topic_member, "domain", 0.35, 12},
    {Relation::part_meronym, "hyponym", 0.35, 6},  {Relation::member_meronym, "hyponym", 0.3, 6},
};

}  // namespace

std::vector<lexicon::SynsetRef> ConceptExpander::rank_senses(const Concept& target,
                                                             std::span<const float> context) const {
  auto senses = lexicon_.synsets(target.lemma, target.pos);
  if (senses.size() < 2) return senses;
  double context_norm = 0;
  for (float x : context) context_norm += static_cast<double>(x) * x;
  context_norm = context_norm == 0 ? 1 : std::sqrt(context_norm);
  struct Scored {
    lexicon::SynsetRef ref;
    double score;
  };
  std::vector<Scored> scored;
  // WordNet orders senses by how often they were tagged in its texts: for a word tagged a few
  // times ("accounting": 3) the order says little, and the fit to the other concepts decides.
  auto word = lexicon_.lookup(target.lemma);
  double tags = word ? static_cast<double>(word->tag_count) : 0.0;
  double prior_confidence = std::min(1.0, std::log1p(tags) / std::log1p(kConfidentTagCount));
  for (std::size_t i = 0; i < senses.size() && i < 8; ++i) {
    auto synset = lexicon_.synset(senses[i]);
    // The sense's other words and the content words of its definition; not the word itself,
    // which every sense shares, nor function words, which have no vector of their own.
    std::string signature;
    for (auto w : synset.words)
      if (normalize_candidate(w) != target.lemma) signature += std::string(w) + " ";
    for (const auto& t : tokenize(synset.gloss))
      if (t.size() > 2 && !is_stop_word(t)) signature += t + " ";
    auto v = embeddings_.vector(signature);
    double fit = 0;
    for (std::size_t d = 0; d < v.size(); ++d) fit += v[d] * context[d];
    fit /= context_norm;
    // WordNet's order (most frequent first in its tagged texts) is the prior; how well the
    // sense fits the other concepts moves it. The raw cosines of these mean vectors lie close
    // together (0.45-0.7), so the order mostly stands: "plant" stays the factory here, and the
    // organism comes in through the definitions that mention plants (add_defined_words).
    double prior = -std::log1p(0.25 * static_cast<double>(i)) * prior_confidence;
    scored.push_back({senses[i], prior + kContextWeight * fit});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  std::vector<lexicon::SynsetRef> out;
  for (const auto& s : scored) out.push_back(s.ref);
  return out;
}

std::vector<std::string> ConceptExpander::split_compound(std::string_view word) const {
  // The split whose parts are both WordNet words, the shorter part as long as possible;
  // else a known tail of 5+ letters ("cyber|security").
  std::vector<std::string> best;
  std::size_t best_short = 0;
  auto known = [&](const std::string& w) {
    auto f = lexicon_.lookup(w);
    return f && f->in_wordnet && f->lemma == lexicon_.lemmatize(w);
  };
  for (std::size_t i = 3; i + 3 <= word.size(); ++i) {
    std::string head(word.substr(0, i)), tail(word.substr(i));
    auto tail_lemma = lexicon_.lemmatize(tail);
    if (known(head) && lexicon_.lookup(tail_lemma) && std::min(head.size(), tail.size()) > best_short) {
      best = {head, tail_lemma};
      best_short = std::min(head.size(), tail.size());
    }
  }
  if (!best.empty()) return best;
  for (std::size_t i = 1; i + 5 <= word.size(); ++i) {
    auto tail_lemma = lexicon_.lemmatize(word.substr(i));
    if (known(tail_lemma)) return {tail_lemma};
  }
  return {};
}

std::vector<Neighbor> ConceptExpander::neighbours(std::string_view text, std::span<const float> vector, int k) const {
  if (index_) {
    if (std::all_of(vector.begin(), vector.end(), [](float x) { return x == 0; })) return {};
    auto found = index_->search(vector, k + 4);
    if (found) return *found;
  }
  return embeddings_.nearest(text, k + 4);
}

void ConceptExpander::add_neighbours(std::string_view text, std::span<const float> vector, double weight,
                                     std::string_view from, const ExpandOptions& options, Scores& scores) const {
  // Most of the vocabulary is rare (species, chemistry, places): a wide search, then only the
  // neighbours people know ("ghee" and "butyraceous" are the nearest words to "recipe").
  struct Candidate {
    std::string word;
    double sim, familiar;
  };
  std::vector<Candidate> found;
  for (auto& n : neighbours(text, vector, std::max(options.neighbours_per_concept, kNeighbourPool))) {
    if (!usable_word(n.label) || n.label == text) continue;
    double familiar = familiarity(lexicon_, n.label);
    if (familiar < kMinFamiliar) continue;
    found.push_back({n.label, std::max(0.0, static_cast<double>(n.similarity)), familiar});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.sim * a.familiar > b.sim * b.familiar; });
  for (std::size_t i = 0; i < found.size() && i < static_cast<std::size_t>(options.neighbours_per_concept); ++i)
    scores.add(found[i].word, weight * found[i].sim * found[i].familiar, "embedding", from);
}

void ConceptExpander::add_sense_words(const Concept& c, const lexicon::Synset& synset, double sense_weight,
                                      Scores& scores) const {
  for (const auto& rw : kRelations) {
    // Every word the relation offers once, in WordNet's order, up to the relation's limit.
    std::vector<std::pair<std::string, double>> offered;
    auto offer = [&](std::string_view word) {
      std::string w = normalize_candidate(word);
      if (!usable_word(w) || w == c.lemma) return;
      if (std::any_of(offered.begin(), offered.end(), [&](const auto& o) { return o.first == w; })) return;
      offered.emplace_back(w, familiarity(lexicon_, w));
    };
    if (rw.relation == Relation::synonym) {
      for (auto w : synset.words) offer(w);
    } else {
      for (const auto& p : synset.pointers) {
        if (p.relation != rw.relation) continue;
        auto target = lexicon_.synset(p.target);
        if (p.target_word > 0 && p.target_word <= target.words.size()) offer(target.words[p.target_word - 1]);
        else
          for (std::size_t w = 0; w < target.words.size() && w < 3; ++w) offer(target.words[w]);
      }
    }
    for (std::size_t i = 0; i < offered.size() && i < rw.limit; ++i)
      scores.add(offered[i].first, sense_weight * rw.weight * offered[i].second, rw.name, c.lemma);
  }
}

void ConceptExpander::add_gloss_words(const Concept& c, const lexicon::Synset& synset, double sense_weight,
                                      Scores& scores) const {
  // Content words of the definition: "physician: a licensed medical practitioner".
  for (const auto& t : tokenize(synset.gloss)) {
    if (!usable_word(t) || is_stop_word(t)) continue;
    auto lemma = lexicon_.lemmatize(t);
    auto gloss_word = lexicon_.lookup(lemma);
    bool content = gloss_word && (gloss_word->parts_of_speech.contains(Pos::noun) ||
                                  gloss_word->parts_of_speech.contains(Pos::adjective));
    if (content && usable_word(lemma) && lemma != c.lemma)
      scores.add(lemma, sense_weight * kGlossWeight * familiarity(lexicon_, lemma), "gloss", c.lemma);
  }
}

std::vector<Concept> ConceptExpander::find_concepts(std::string_view description,
                                                    std::vector<std::string>& notes) const {
  std::vector<Concept> concepts;
  auto tokens = tokenize(description);
  // All-caps acronyms keep their case for lookup ("AI" is artificial intelligence, "ai" a sloth).
  auto original_case = [&](const std::string& token) {
    std::string upper = token;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    return token.size() <= 5 && description.find(upper) != std::string_view::npos ? upper : token;
  };
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (t.size() < 2 || is_stop_word(t) || std::isdigit(static_cast<unsigned char>(t[0])) || !has_letters(t)) continue;
    // A two-word WordNet collocation ("machine learning") is one concept.
    if (i + 1 < tokens.size()) {
      // ...also with its head inflected ("solar panels").
      auto pair = t + " " + tokens[i + 1];
      if (auto as_is = lexicon_.lookup(pair); !as_is || as_is->lemma != pair) pair = t + " " + lexicon_.lemmatize(tokens[i + 1]);
      if (auto found = lexicon_.lookup(pair); found && found->in_wordnet && found->lemma == pair) {
        if (!seen.count(pair)) {
          seen[pair] = concepts.size();
          concepts.push_back({pair, pair, salience(found) * 1.1, true});
        }
      }
    }
    std::optional<Pos> pos;
    std::string lemma = expand_acronym(t);
    if (lemma.empty() || !lexicon_.lookup(lemma)) lemma = lexicon_.lemmatize(original_case(t));
    // WordNet's rules reach its own lemmas only: "retirees" → retire, though the word lists know
    // the noun retiree. A plural's singular that is a word in its own right is the concept.
    if (t.size() > 3 && t.back() == 's' && lemma != t && lemma.size() + 1 != t.size()) {
      auto singular = t.substr(0, t.size() - 1);
      auto found = lexicon_.lookup(singular);
      if (found && found->lemma == singular && found->common && !found->capitalized &&
          (found->parts_of_speech.empty() || found->parts_of_speech.contains(Pos::noun)))
        lemma = singular;
    }
    // "walking", "booking": the verb says what the company does; its rarer noun reading does not.
    // ...unless the noun is a word in its own right ("wedding" is not mostly "wed").
    if (t.size() > 5 && t.ends_with("ing")) {
      auto verb = lexicon_.lemmatize(t, Pos::verb);
      auto verb_word = lexicon_.lookup(verb);
      auto noun_word = lexicon_.lookup(t);
      // Tag counts as noun and as verb: "account" is a frequent noun, but "accounting" (3 tags as
      // a noun) is more often the noun than "account" (0 tags as a verb) is the verb.
      auto noun_tags = lexicon_.tag_count(t, Pos::noun);
      bool noun_stands = noun_word && noun_word->lemma == t && noun_word->parts_of_speech.contains(Pos::noun) &&
                         verb_word && noun_tags * 4 >= lexicon_.tag_count(verb, Pos::verb) && noun_tags > 0;
      if (verb != t && verb_word && !noun_stands) {
        lemma = verb;
        pos = Pos::verb;
      }
    }
    // "smart home", "electric bike": a word that is mostly an adjective, written before another
    // content word, modifies it; its noun or verb senses (smart: a pain) are not meant.
    if (!pos && i + 1 < tokens.size() && !is_stop_word(tokens[i + 1])) {
      auto adjective = lexicon_.synsets(lemma, Pos::adjective).size();
      if (adjective > 0 && adjective > lexicon_.synsets(lemma, Pos::noun).size() + lexicon_.synsets(lemma, Pos::verb).size())
        pos = Pos::adjective;
    }
    auto found = lexicon_.lookup(lemma);
    // An unknown closed compound ("cybersecurity", "flashcards") stands for its known parts.
    if (!found || !found->in_wordnet)
      for (const auto& part : split_compound(lemma)) {
        if (seen.count(part)) continue;
        seen[part] = concepts.size();
        concepts.push_back({t, part, salience(lexicon_.lookup(part)) * 0.9, true});
      }
    if (seen.count(lemma)) continue;
    seen[lemma] = concepts.size();
    concepts.push_back({t, lemma, salience(found, pos) * (is_filler_word(lemma) ? kFillerSalience : 1.0),
                        found && found->in_wordnet, pos});
  }
  if (concepts.size() > kMaxConcepts) {
    notes.push_back(fmt::format("description has {} content words; the first {} were used", concepts.size(),
                                kMaxConcepts));
    concepts.resize(kMaxConcepts);
  }
  double top = 0;
  for (const auto& c : concepts) top = std::max(top, c.weight);
  for (auto& c : concepts) c.weight = top > 0 ? c.weight / top : 0;
  std::stable_sort(concepts.begin(), concepts.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
  return concepts;
}

Result<Expansion> ConceptExpander::expand(std::string_view description, const ExpandOptions& options) const {
  if (!is_valid_utf8(description))
    return fail(ErrorCode::invalid_argument, "description is not valid UTF-8", "description");
  Expansion expansion;
  if (description.size() > kMaxDescriptionBytes) {
    auto cut = description.substr(0, kMaxDescriptionBytes);
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xc0) == 0x80) cut.remove_suffix(1);
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xc0) cut.remove_suffix(1);
    description = cut;
    expansion.notes.push_back(fmt::format("description cut to its first {} bytes", kMaxDescriptionBytes));
  }
  expansion.concepts = find_concepts(description, expansion.notes);
  if (expansion.concepts.empty())
    return fail(ErrorCode::invalid_argument, "description has no words to name from", "description");

  // Each concept's vector once: its own neighbours, and (summed) the context of the others.
  const auto& concepts = expansion.concepts;
  std::vector<std::vector<float>> vectors;
  std::vector<float> weighted_sum(static_cast<std::size_t>(embeddings_.dim()), 0.0f);
  for (const auto& c : concepts) {
    vectors.push_back(embeddings_.vector(c.lemma));
    for (std::size_t d = 0; d < weighted_sum.size(); ++d)
      weighted_sum[d] += static_cast<float>(c.weight) * vectors.back()[d];
  }

  // Vague words (more than kMaxSensesForMentions senses) keep company with everything (take: give,
  // time, move): they neither get distributional neighbours nor count as context for the others'.
  std::vector<std::vector<float>> distributional_vectors;
  if (distributional_)
    for (const auto& c : concepts) {
      auto word = lexicon_.lookup(c.lemma);
      bool vague = word && word->sense_count > kMaxSensesForMentions;
      // A collocation has no vector: GloVe's are of single words, and artificial intelligence or
      // real estate is not the sum of its words (which count as concepts of their own when written).
      bool collocation = c.lemma.find(' ') != std::string::npos;
      distributional_vectors.push_back(vague || collocation ? std::vector<float>() : distributional_->vector(c.lemma));
    }

  Scores scores;
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    const auto& c = concepts[i];
    if (usable_word(c.lemma)) scores.add(c.lemma, c.weight, "concept", c.lemma);
    if (c.known) {
      // The other concepts are the context: "plant care" wants the living plant, not the factory.
      std::vector<float> context(weighted_sum);
      for (std::size_t d = 0; d < context.size(); ++d) context[d] -= static_cast<float>(c.weight) * vectors[i][d];
      // The best-fitting senses, each weaker than the one before.
      auto senses = rank_senses(c, context);
      for (std::size_t s = 0; s < senses.size() && s < 3; ++s) {
        double sense_weight = c.weight * (s == 0 ? 1.0 : s == 1 ? 0.55 : 0.35);
        auto synset = lexicon_.synset(senses[s]);
        add_sense_words(c, synset, sense_weight, scores);
        if (s < 2) add_gloss_words(c, synset, sense_weight, scores);
      }
      // Vague words (take, make, run: 40+ senses) are mentioned in thousands of unrelated glosses.
      if (auto word = lexicon_.lookup(c.lemma); word && word->sense_count <= kMaxSensesForMentions) {
        auto found_in = mentions(c, std::span(senses).first(std::min<std::size_t>(2, senses.size())));
        add_defined_words(c, found_in, scores);
        add_companion_words(c, found_in, scores);
      }
      // "budgeting" is the verb, but the noun's senses say what it is about (a sum of money).
      if (c.pos) {
        for (Pos other : {Pos::noun, Pos::verb}) {
          if (other == *c.pos) continue;
          auto alt = lexicon_.synsets(c.lemma, other);
          if (alt.empty()) continue;
          auto synset = lexicon_.synset(alt.front());
          add_sense_words(c, synset, c.weight * kOtherPosWeight, scores);
          add_gloss_words(c, synset, c.weight * kOtherPosWeight, scores);
          break;
        }
      }
    }

    add_neighbours(c.lemma, vectors[i], c.weight * kNeighbourWeight, c.lemma, options, scores);
    if (distributional_) add_distributional_words(concepts, i, distributional_vectors, scores);
  }
  // Neighbours of the whole description catch what no single word says.
  std::string joined;
  for (const auto& c : concepts) joined += c.lemma + " ";
  add_neighbours(joined, embeddings_.vector(joined), kDescriptionWeight, "description", options, scores);
  auto limit = static_cast<std::size_t>(options.max_related);
  expansion.related = distributional_ ? ranked_by_coherence(concepts, distributional_vectors, scores, limit)
                                      : scores.ranked(limit);
  return expansion;
}

}  // namespace snai::semantic
