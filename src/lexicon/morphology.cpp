// Morphology: WordNet's morphy (exception lists, then suffix detachment rules checked
// against the lemmas WordNet has), and derivational affix splitting over a small table.
#include <algorithm>
#include <array>

#include "lexicon/internal/lexicon_data.hpp"
#include "lexicon/internal/morphy_rules.hpp"
#include "lexicon/lexicon.hpp"
#include "lexicon/word_key.hpp"

namespace snai::lexicon {
namespace {

constexpr Affix kPrefixes[] = {
    {"counter", "against"}, {"under", "below, too little"}, {"super", "above, beyond"}, {"ultra", "beyond"},
    {"inter", "between"},   {"intra", "within"},            {"trans", "across"},        {"micro", "small"},
    {"macro", "large"},     {"multi", "many"},              {"hyper", "over, excessive"}, {"extra", "beyond"},
    {"anti", "against"},    {"auto", "self"},               {"fore", "before"},         {"mono", "one"},
    {"omni", "all"},        {"over", "too much"},           {"poly", "many"},           {"post", "after"},
    {"semi", "half"},       {"tele", "far"},                {"dis", "not, apart"},      {"mis", "wrongly"},
    {"non", "not"},         {"out", "surpassing"},          {"pre", "before"},          {"pro", "forward, for"},
    {"sub", "under"},       {"tri", "three"},               {"uni", "one"},             {"mid", "middle"},
    {"neo", "new"},         {"bi", "two"},                  {"co", "together"},         {"de", "reverse, remove"},
    {"em", "in, cause to"}, {"en", "in, cause to"},         {"il", "not"},              {"im", "not"},
    {"in", "not"},          {"ir", "not"},                  {"re", "again"},            {"un", "not, opposite of"},
};

// Suffixes that keep the root's meaning so plainly that no WordNet link is needed to trust a split.
constexpr std::string_view kTransparentSuffixes[] = {"ness", "less", "able", "ible", "ful", "ment", "ship",
                                                     "hood", "wise", "ward", "ize", "ise", "ism", "ist", "ly"};

constexpr Affix kSuffixes[] = {
    {"ation", "action or process"}, {"ition", "action or process"}, {"ative", "tending to"}, {"ness", "state of"},
    {"ment", "action or result"},   {"less", "without"},            {"able", "can be done"},  {"ible", "can be done"},
    {"ship", "position, skill"},    {"hood", "state, group"},       {"ward", "direction"},    {"wise", "manner"},
    {"ance", "state or action"},    {"ence", "state or action"},    {"ical", "relating to"},  {"tion", "action or process"},
    {"sion", "action or process"},  {"eous", "full of"},            {"ious", "full of"},      {"ful", "full of"},
    {"ity", "state of"},            {"ive", "tending to"},          {"ize", "make, become"},  {"ise", "make, become"},
    {"ify", "make"},                {"ism", "doctrine, practice"},  {"ist", "one who"},       {"ous", "full of"},
    {"dom", "state, realm"},        {"ant", "one who, being"},      {"ent", "one who, being"}, {"ery", "place, practice"},
    {"ary", "relating to"},         {"ory", "relating to"},         {"ion", "action or process"}, {"ial", "relating to"},
    {"ic", "relating to"},          {"al", "relating to"},          {"er", "one who"},        {"or", "one who"},
    {"ly", "in the manner of"},     {"ty", "state of"},             {"en", "made of, make"},  {"y", "characterised by"},
};

}  // namespace

std::span<const Affix> common_prefixes() { return kPrefixes; }
std::span<const Affix> common_suffixes() { return kSuffixes; }

namespace internal {

namespace {

// The look-ups of one morphy run over several parts of speech: each candidate spelling (the
// key itself, the same detached forms for nouns and verbs) is found once, not once per rule
// and part of speech.
class FindMemo {
 public:
  explicit FindMemo(const LexiconData& data) : data_(data) {}
  std::optional<std::uint32_t> find(std::string_view key) {
    for (const auto& [k, id] : seen_)
      if (k == key) return id;
    auto id = data_.find(key);
    seen_.emplace_back(std::string(key), id);
    return id;
  }

 private:
  const LexiconData& data_;
  std::vector<std::pair<std::string, std::optional<std::uint32_t>>> seen_;
};

// morphy's lemmas as word indexes (a candidate spelling is its word's key, so equal indexes are
// equal spellings).
void morphy_ids(const LexiconData& data, std::string_view key, Pos pos, FindMemo& memo, std::vector<std::uint32_t>& out) {
  out.clear();
  auto add = [&](std::string_view candidate) {
    auto id = memo.find(candidate);
    if (!id || !data.has_pos(data.words[*id], pos)) return;
    if (std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
  };
  for (auto base : data.exception_bases(key, pos)) add(base);
  add(key);
  for (const auto& rule : detachment_rules(pos))
    if (auto base = detach(key, rule)) add(*base);
}

}  // namespace

std::vector<std::string> morphy(const LexiconData& data, std::string_view key, Pos pos) {
  FindMemo memo(data);
  std::vector<std::uint32_t> ids;
  morphy_ids(data, key, pos, memo, ids);
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (auto id : ids) out.emplace_back(data.key(id));
  return out;
}

namespace {

// The best lemma over all parts of speech: the most frequent candidate (noun first on ties).
std::optional<std::uint32_t> best_lemma(const LexiconData& data, std::string_view key) {
  std::optional<std::uint32_t> best;
  FindMemo memo(data);
  std::vector<std::uint32_t> ids;
  for (Pos pos : kAllPos) {
    morphy_ids(data, key, pos, memo, ids);
    for (auto id : ids)
      if (!best || data.words[id].tag_count > data.words[*best].tag_count) best = id;
  }
  return best;
}

}  // namespace

std::optional<std::uint32_t> LexiconData::resolve(std::string_view key, std::optional<Pos> pos) const {
  if (auto id = find(key); id && has_pos(words[*id], pos)) return id;
  if (!pos) return best_lemma(*this, key);
  auto candidates = morphy(*this, key, *pos);
  if (candidates.empty()) return std::nullopt;
  return find(candidates.front());
}

}  // namespace internal

std::vector<std::string> Lexicon::base_forms(std::string_view inflected, std::optional<Pos> pos) const {
  auto key = normalize_word(inflected);
  std::vector<std::string> out;
  for (Pos p : kAllPos) {
    if (pos && p != *pos) continue;
    for (auto& candidate : internal::morphy(*data_, key, p))
      if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(std::move(candidate));
  }
  return out;
}

std::string Lexicon::lemmatize(std::string_view inflected, std::optional<Pos> pos) const {
  auto key = normalize_word(inflected);
  if (pos) {
    auto candidates = internal::morphy(*data_, key, *pos);
    return candidates.empty() ? key : candidates.front();
  }
  if (auto id = data_->find(key); id && data_->words[*id].sense_count > 0) return key;
  auto best = internal::best_lemma(*data_, key);
  return best ? std::string(data_->key(*best)) : key;
}

AffixSplit Lexicon::split_affixes(std::string_view word) const {
  auto key = normalize_word(word);
  AffixSplit best{"", key, ""};
  std::size_t best_affix_length = 0;
  auto is_lemma = [&](std::string_view candidate) {
    auto id = data_->find(candidate);
    return id && data_->words[*id].sense_count > 0 && !(data_->words[*id].flags & format::kCapitalized);
  };
  // For a word WordNet knows, an affix split must be backed by a WordNet link between the
  // word and what is left ("unbreakable" !→ "breakable", "teacher" +→ "teach"); otherwise
  // "letter" would be let+er and "information" in+formation. Unknown words (invented names)
  // split freely.
  static constexpr Relation kLinks[] = {Relation::antonym, Relation::derivation, Relation::hypernym,
                                        Relation::similar_to, Relation::also_see, Relation::pertainym};
  auto linked = [&](std::string_view whole, std::string_view part) {
    if (!is_lemma(whole)) return true;
    for (const auto& r : related(whole, std::nullopt, kLinks))
      if (normalize_word(r.word) == part) return true;
    return false;
  };
  auto transparent = [](std::string_view suffix) {
    return std::find(std::begin(kTransparentSuffixes), std::end(kTransparentSuffixes), suffix) !=
           std::end(kTransparentSuffixes);
  };
  // Roots a suffix may have changed: happi+ness ← happy, lov+able ← love, runn+er ← run, cre+ation ← create.
  auto restore = [&](std::string_view stem, std::string_view suffix) {
    std::vector<std::string> roots;
    if (suffix.empty()) return std::vector<std::string>{std::string(stem)};
    if (suffix.starts_with("ation") || suffix.starts_with("ition")) roots.push_back(std::string(stem) + "ate");
    roots.push_back(std::string(stem) + "e");
    if (stem.ends_with('i')) roots.push_back(std::string(stem.substr(0, stem.size() - 1)) + "y");
    roots.emplace_back(stem);
    if (stem.size() >= 2 && stem[stem.size() - 1] == stem[stem.size() - 2])
      roots.emplace_back(stem.substr(0, stem.size() - 1));
    return roots;
  };
  std::vector<std::string_view> prefixes{""}, suffixes{""};
  for (const auto& p : kPrefixes) prefixes.push_back(p.text);
  for (const auto& s : kSuffixes) suffixes.push_back(s.text);
  for (auto prefix : prefixes) {
    if (!key.starts_with(prefix)) continue;
    // A prefix only counts when what it attaches to is itself a word: un+breakable, not un+der.
    if (!prefix.empty() && (!is_lemma(key.substr(prefix.size())) ||
                            (prefix.size() <= 3 && !linked(key, key.substr(prefix.size())))))
      continue;
    for (auto suffix : suffixes) {
      std::size_t affix_length = prefix.size() + suffix.size();
      if (affix_length == 0 || affix_length <= best_affix_length || key.size() < affix_length + 3) continue;
      if (!key.ends_with(suffix)) continue;
      auto stem = std::string_view(key).substr(prefix.size(), key.size() - affix_length);
      for (const auto& root : restore(stem, suffix)) {
        if (root.size() < 3 || !is_lemma(root)) continue;
        std::string unprefixed = key.substr(prefix.size());
        if (!suffix.empty() && !transparent(suffix) && !linked(unprefixed, root)) continue;
        best = {std::string(prefix), root, std::string(suffix)};
        best_affix_length = affix_length;
        break;  // restore() lists the likeliest spelling first
      }
    }
  }
  return best;
}

std::string Lexicon::stem(std::string_view word) const { return split_affixes(lemmatize(word)).root; }

}  // namespace snai::lexicon
