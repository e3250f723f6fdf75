#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <set>
#include <unordered_set>

#include "lexicon/lexicon.hpp"
#include "lexicon/word_key.hpp"
#include "screening/internal/curated_words.hpp"
#include "screening/name_screen.hpp"

namespace snai::screening {
namespace {

using lexicon::Lexicon;
using lexicon::Pos;
using lexicon::Relation;

bool is_lower_alpha(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Glosses that call a sense offensive even where WordNet gives it no usage domain ("cunt",
// "minge", the "(ethnic slur)" senses). "disparaging"/"derogatory" alone is too broad
// (hillbilly, tree hugger, suit), so WordNet's "disparagement" domain is not used either.
constexpr std::array<std::string_view, 10> kOffensiveGloss = {
    "(ethnic slur)", "(offensive slang)", "extremely offensive", "offensive term", "offensive name",
    "obscene term",  "obscene words",     "vulgar slang",        "vulgar term",    "vulgar expression"};

struct Anchor {
  std::string_view word;
  Pos pos;
  std::size_t sense;  // 1-based, WordNet sense order
  std::string_view category;
};

// Conservative: a word is negative only when its main sense lies under one of these.
constexpr std::array<Anchor, 16> kNegativeAnchors = {{
    {"death", Pos::noun, 1, "death"},      // the event of dying
    {"death", Pos::noun, 2, "death"},      // the permanent end of all life functions
    {"death", Pos::noun, 3, "death"},      // the absence of life
    {"corpse", Pos::noun, 1, "death"},
    {"die", Pos::verb, 1, "death"},        // pass from physical life
    {"killing", Pos::noun, 1, "killing"},  // an event that causes someone to die
    {"killing", Pos::noun, 2, "killing"},  // the act of terminating a life
    {"kill", Pos::verb, 1, "killing"},     // cause to die
    {"disease", Pos::noun, 1, "disease"},
    {"illness", Pos::noun, 1, "disease"},
    {"crime", Pos::noun, 1, "crime"},
    {"crime", Pos::noun, 2, "crime"},
    {"criminal", Pos::noun, 1, "crime"},
    {"murderer", Pos::noun, 1, "crime"},
    {"terrorism", Pos::noun, 1, "terrorism"},
    {"terrorist", Pos::noun, 1, "terrorism"},
}};

// Inflected forms of `word` that the lexicon knows and that morphy takes back to it alone; a
// form that is a WordNet lemma of its own ("craps", "killing") is left to its own senses, and
// one that also comes from another word ("pipes": pipe, pip) is left out. Offensive words get
// plurals only: their verb forms are mostly innocent ("cocked", "boobed", "retarding").
std::vector<std::string> inflections(const Lexicon& lexicon, const std::string& word, bool plurals_only) {
  std::vector<std::string> candidates = {word + "s", word + "es"};
  char last = word.back();
  if (last == 'y') candidates.push_back(word.substr(0, word.size() - 1) + "ies");
  if (!plurals_only) {
    for (auto end : {"ed", "d", "ing"}) candidates.push_back(word + end);
    if (last == 'e') candidates.push_back(word.substr(0, word.size() - 1) + "ing");
    if (last == 'y') candidates.push_back(word.substr(0, word.size() - 1) + "ied");
    candidates.push_back(word + last + "ed");
    candidates.push_back(word + last + "ing");
  }
  std::vector<std::string> out;
  for (auto& c : candidates) {
    if (!lexicon.is_word(c)) continue;
    if (auto own = lexicon.lookup(c); own && own->lemma == c && own->sense_count > 0) continue;
    auto bases = lexicon.base_forms(c);
    if (bases.size() == 1 && bases.front() == word) out.push_back(std::move(c));
  }
  return out;
}

// The dictionary (lower-case letters only), its function words, and the words a split may use.
void add_dictionary_words(const Lexicon& lexicon, ScreenWordLists& lists) {
  std::unordered_set<std::string_view> function_words(internal::function_words().begin(), internal::function_words().end());
  for (auto key : lexicon.words_with_prefix("", lexicon.word_count())) {
    if (!is_lower_alpha(key)) continue;
    lists.known_words.emplace_back(key);
    if (function_words.contains(key)) {
      lists.function_words.emplace_back(key);
      lists.segment_words.emplace_back(key);
      continue;
    }
    // Common (wamerican), lower-case, a WordNet word or a form of one: "presents" yes,
    // "hap" (only in the huge list), "bpm" (an abbreviation), "es" (two letters) no.
    if (key.size() < 3) continue;
    auto word = lexicon.lookup(key);
    if (word && word->common && !word->capitalized && word->in_wordnet) lists.segment_words.emplace_back(key);
  }
}

std::optional<std::uint32_t> first_ref(const Lexicon& lexicon, std::string_view word, Pos pos, std::size_t sense) {
  auto refs = lexicon.synsets(word, pos);
  if (refs.size() < sense) return std::nullopt;
  return refs[sense - 1].index;
}

// What one pass over WordNet finds: offensive senses, parts of speech, hyponym edges.
struct WordnetScan {
  std::vector<std::uint8_t> pos_of;                                 // by synset
  std::vector<std::pair<std::uint32_t, std::uint32_t>> hyponym_edges;  // sorted
  std::map<std::pair<std::uint32_t, std::string>, std::string> offensive_senses;  // (synset, word) → reason
  std::set<std::string> offensive_candidates;
};

WordnetScan scan_wordnet(const Lexicon& lexicon) {
  auto obscenity = first_ref(lexicon, "vulgarism", Pos::noun, 1);
  auto ethnic_slur = first_ref(lexicon, "ethnic slur", Pos::noun, 1);
  WordnetScan scan;
  scan.pos_of.resize(lexicon.synset_count());
  lexicon.for_each_synset([&](const lexicon::Synset& s) {
    scan.pos_of[s.ref.index] = static_cast<std::uint8_t>(s.pos);
    auto mark = [&](std::size_t word_index, std::string_view reason) {
      auto add = [&](std::string_view w) {
        auto key = lexicon::normalize_word(w);
        scan.offensive_senses.try_emplace({s.ref.index, key}, reason);
        scan.offensive_candidates.insert(key);
      };
      if (word_index == 0) {
        for (auto w : s.words) add(w);
      } else if (word_index <= s.words.size()) {
        add(s.words[word_index - 1]);
      }
    };
    for (const auto& p : s.pointers) {
      if (p.relation == Relation::hyponym || p.relation == Relation::instance_hyponym)
        scan.hyponym_edges.emplace_back(s.ref.index, p.target.index);
      if (p.relation != Relation::domain_usage) continue;
      if (obscenity && p.target.index == *obscenity) mark(p.source_word, "obscenity (WordNet)");
      if (ethnic_slur && p.target.index == *ethnic_slur) mark(p.source_word, "ethnic slur (WordNet)");
    }
    for (auto phrase : kOffensiveGloss)
      if (s.gloss.find(phrase) != std::string_view::npos) {
        mark(0, "offensive (WordNet gloss)");
        break;
      }
  });
  std::sort(scan.hyponym_edges.begin(), scan.hyponym_edges.end());
  return scan;
}

// A word is offensive from WordNet alone only when every sense of it is: "nigger", "kike",
// "motherfucker" — not "screw", "tool", "queen", "boy", "taco" (the curated list decides those).
std::map<std::string, OffensiveEntry> offensive_words(const Lexicon& lexicon, const WordnetScan& scan) {
  std::map<std::string, OffensiveEntry> offensive;
  std::unordered_set<std::string_view> exempt(internal::not_offensive_in_names().begin(), internal::not_offensive_in_names().end());
  for (const auto& word : scan.offensive_candidates) {
    if (!is_lower_alpha(word) || exempt.contains(word)) continue;
    auto refs = lexicon.synsets(word);
    if (refs.empty()) continue;
    std::string reason;
    bool all = std::all_of(refs.begin(), refs.end(), [&](lexicon::SynsetRef r) {
      auto it = scan.offensive_senses.find({r.index, word});
      if (it == scan.offensive_senses.end()) return false;
      if (reason.empty()) reason = it->second;
      return true;
    });
    if (all) offensive[word] = {word, false, reason};
  }
  for (const auto& c : internal::curated_offensive_words())
    offensive[std::string(c.word)] = {std::string(c.word), c.severe, std::string(c.category) + " (curated)"};
  return offensive;
}

// The hyponym closure of the negative anchors: each synset's category ("" outside), and the
// words of the synsets inside.
struct NegativeClosure {
  std::vector<std::string_view> category;  // by synset
  std::set<std::string> candidates;
};

NegativeClosure negative_closure(const Lexicon& lexicon, const WordnetScan& scan) {
  NegativeClosure closure{std::vector<std::string_view>(scan.pos_of.size()), {}};
  auto& category = closure.category;
  std::deque<std::uint32_t> queue;
  for (const auto& a : kNegativeAnchors)
    if (auto ref = first_ref(lexicon, a.word, a.pos, a.sense); ref && category[*ref].empty()) {
      category[*ref] = a.category;
      queue.push_back(*ref);
    }
  const auto& edges = scan.hyponym_edges;
  while (!queue.empty()) {
    auto at = queue.front();
    queue.pop_front();
    for (auto w : lexicon.synset({at}).words) closure.candidates.insert(lexicon::normalize_word(w));
    auto it = std::lower_bound(edges.begin(), edges.end(), std::pair<std::uint32_t, std::uint32_t>{at, 0});
    for (; it != edges.end() && it->first == at; ++it)
      if (category[it->second].empty()) {
        category[it->second] = category[at];
        queue.push_back(it->second);
      }
  }
  return closure;
}

// The main sense decides: the first sense of the part of speech with the most senses ("die"
// is a verb before it is a cube; "cold" an adjective before it is an illness). WordNet orders
// senses by corpus frequency only where it saw the word, so a rarely seen word also needs
// most of those senses negative ("runner" is first a smuggler, "hood" a criminal).
std::map<std::string, NegativeEntry> negative_words(const Lexicon& lexicon, const WordnetScan& scan,
                                                    const NegativeClosure& closure) {
  constexpr std::uint32_t kSeenOften = 8;  // WordNet tag count
  const auto& category = closure.category;
  std::map<std::string, NegativeEntry> negative;
  for (const auto& word : closure.candidates) {
    if (word.size() < 3 || !is_lower_alpha(word)) continue;
    auto info = lexicon.lookup(word);
    if (!info || info->capitalized || info->lemma != word) continue;
    std::array<std::vector<std::uint32_t>, 4> per_pos;  // lower-case senses only: not Cancer the sign
    for (auto r : lexicon.synsets(word)) {
      auto s = lexicon.synset(r);
      if (std::any_of(s.words.begin(), s.words.end(), [&](std::string_view w) { return w == word; }))
        per_pos[scan.pos_of[r.index] % 4].push_back(r.index);
    }
    auto main_pos = std::max_element(per_pos.begin(), per_pos.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
    if (main_pos->empty() || category[main_pos->front()].empty()) continue;
    auto inside = std::count_if(main_pos->begin(), main_pos->end(), [&](std::uint32_t i) { return !category[i].empty(); });
    if (info->tag_count >= kSeenOften || 2 * static_cast<std::size_t>(inside) > main_pos->size())
      negative[word] = {word, std::string(category[main_pos->front()])};
  }
  return negative;
}

// Inflected forms: "nazis", "whores", "killed", "dying".
void add_inflections(const Lexicon& lexicon, std::map<std::string, OffensiveEntry>& offensive,
                     std::map<std::string, NegativeEntry>& negative) {
  for (auto& [word, entry] : std::map<std::string, OffensiveEntry>(offensive))
    for (auto& form : inflections(lexicon, word, true))
      if (!offensive.contains(form)) offensive[form] = {form, entry.severe, entry.reason};
  for (auto& [word, entry] : std::map<std::string, NegativeEntry>(negative))
    for (auto& form : inflections(lexicon, word, false))
      if (!negative.contains(form)) negative[form] = {form, entry.reason};
}

}  // namespace

ScreenWordLists screen_word_lists(const Lexicon& lexicon) {
  ScreenWordLists lists;
  add_dictionary_words(lexicon, lists);
  const auto scan = scan_wordnet(lexicon);
  auto offensive = offensive_words(lexicon, scan);
  auto negative = negative_words(lexicon, scan, negative_closure(lexicon, scan));
  add_inflections(lexicon, offensive, negative);
  for (auto& [word, entry] : offensive) lists.offensive.push_back(std::move(entry));
  for (auto& [word, entry] : negative) lists.negative.push_back(std::move(entry));
  return lists;
}

}  // namespace snai::screening
