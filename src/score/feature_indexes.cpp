#include "score/feature_indexes.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "brands/brand_registry.hpp"
#include "lexicon/lexicon.hpp"

namespace snai::score {

namespace {

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

std::string sound_key(std::string_view raw) {
  std::string s(raw);
  for (auto& c : s)  // digits standing in for letters: "amaz0n", "g00gle"
    c = c == '0' ? 'o' : c == '1' ? 'i' : c == '3' ? 'e' : c == '4' ? 'a' : c == '5' ? 's' : c;
  s.erase(std::unique(s.begin(), s.end()), s.end());  // "xx" is one x before it becomes "ks"
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (c == 'p' && next == 'h') {
      out += 'f';
      ++i;
    } else if (c == 'c' && next == 'k') {
      out += 'k';
      ++i;
    } else if (c == 'x') {
      out += "ks";
    } else if (c == 'c' || c == 'q') {
      out += 'k';
    } else if (c == 'z') {
      out += 's';
    } else {
      out += c;
    }
  }
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (i == a.size()) return true;
    // One letter changed, or two neighbours swapped ("oracel" for "oracle").
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);
}

}  // namespace

// --- HashTable64, WordTable

void HashTable64::reserve(std::size_t entries) {
  std::size_t slots = 16;
  while (slots < entries * 2) slots <<= 1;  // load at most one half: short probe runs
  keys_.assign(slots, 0);
  values_.assign(slots, 0);
  mask_ = slots - 1;
  size_ = 0;
}

void HashTable64::insert(std::uint64_t hash, std::uint32_t value) {
  if ((size_ + 1) * 2 > keys_.size()) {
    // Grow: rebuild from the old slots.
    auto old_keys = std::move(keys_);
    auto old_values = std::move(values_);
    reserve(std::max<std::size_t>(16, size_ * 2 + 2));
    for (std::size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i]) insert(old_keys[i], old_values[i]);
  }
  hash = hash ? hash : 1;
  std::size_t i = hash & mask_;
  while (keys_[i] != 0) i = (i + 1) & mask_;
  keys_[i] = hash;
  values_[i] = value;
  ++size_;
}

std::uint64_t word_hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return h;
}

std::uint64_t word_hash_without(std::string_view s, std::size_t skip) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != skip) h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001b3ull;
  return h;
}

WordTable WordTable::from(const Entries& words) {
  WordTable t;
  t.table_.reserve(words.size());
  for (const auto& [w, info] : words)
    t.table_.insert(word_hash(w), std::min<std::uint32_t>(info.tag_count, 0x7fffffff) | (info.common ? 1u << 31 : 0u));
  return t;
}

WordTable::Entries WordTable::entries(const lexicon::Lexicon& lexicon) {
  Entries words;
  for (auto w : lexicon.words_with_prefix("", static_cast<std::size_t>(-1))) {
    if (w.size() > 24 || !std::ranges::all_of(w, is_letter)) continue;
    auto info = lexicon.lookup(w);
    words.emplace_back(std::string(w), Info{info && info->common, info ? info->tag_count : 0});
  }
  return words;
}

std::optional<WordTable::Info> WordTable::find(std::string_view word) const {
  std::optional<Info> out;
  table_.find(word_hash(word), [&](std::uint32_t v) {
    out = Info{(v >> 31) != 0, v & 0x7fffffff};
    return true;
  });
  return out;
}

// --- BrandNeighbours

BrandNeighbours::BrandNeighbours(const brands::BrandRegistry& registry) {
  for (const auto& b : registry.all()) {
    add(b.name, brands::normalize_brand(b.name));
    for (const auto& a : b.aliases) add(b.name, brands::normalize_brand(a));
  }
  index();
}

BrandNeighbours::BrandNeighbours(const std::vector<std::string>& names) {
  for (const auto& n : names) add(n, brands::normalize_brand(n));
  index();
}

void BrandNeighbours::add(std::string_view display, std::string_view key) {
  // Keys under four characters are one edit from too many short invented names to mean anything.
  if (key.size() < 4) return;
  keys_.emplace_back(key);
  display_.emplace_back(display);
  sounds_.push_back(sound_key(key));
}

void BrandNeighbours::index() {
  std::size_t entries = 0;
  for (const auto& s : sounds_) entries += s.size() + 1;
  deletions_.reserve(entries);
  for (std::uint32_t id = 0; id < sounds_.size(); ++id) {
    const auto& sound = sounds_[id];
    deletions_.insert(word_hash(sound), id);
    for (std::size_t i = 0; i < sound.size(); ++i)
      // A doubled letter gives the same deletion twice: index it once.
      if (i == 0 || sound[i] != sound[i - 1]) deletions_.insert(word_hash_without(sound, i), id);
  }
}

BrandNeighbours::Match BrandNeighbours::nearest(std::string_view name) const {
  std::string raw = brands::normalize_brand(name);
  if (raw.size() < 4 || keys_.empty()) return {};
  std::string q = sound_key(raw);
  Match hit;
  // The query itself being a brand (or an alias of one) is not closeness to another brand.
  auto visit = [&](std::uint32_t id) {
    // Two deletions at different places match strings two edits apart ("erikson", "verison").
    if (keys_[id] == raw || !within_one_edit(q, sounds_[id])) return false;
    hit = {display_[id], static_cast<int>(keys_[id].size())};
    return true;
  };
  if (deletions_.find(word_hash(q), visit)) return hit;  // sounds the same, or one letter more
  for (std::size_t i = 0; i < q.size(); ++i)
    if (deletions_.find(word_hash_without(q, i), visit)) return hit;  // one letter less, or one changed
  return {};
}

// --- NegativeWords

namespace {

// Words in a gloss that make the sense unpleasant.
constexpr std::string_view kNegativeGlossWords[] = {
    "death", "dead", "die", "dies", "dying", "kill", "killing", "killed", "murder", "disease", "diseases", "illness",
    "sickness", "infection", "decay", "decayed", "decaying", "rot", "rotten", "rotting", "poison", "poisonous",
    "pain", "painful", "suffering", "harm", "harmful", "injury", "wound", "destruction", "destroy",
    "destroyed", "evil", "wicked", "failure", "crime", "criminal", "violence", "violent", "corpse", "funeral",
    "grief", "sorrow", "misery", "fear", "terror", "disgust", "disgusting", "filth", "filthy", "excrement", "feces",
    "vomit", "cancer", "tumor", "suicide", "bankruptcy", "ruin", "ruined", "disaster", "disastrous", "catastrophe",
    "hatred", "cruel", "cruelty", "abuse", "fraud", "theft", "scam", "ugly", "unpleasant", "dangerous", "deadly",
    "fatal", "lethal", "horror", "horrible", "terrible", "awful", "nasty", "foul", "vile", "hell", "curse",
    "misfortune", "tragedy", "gloom", "despair", "malignant", "plague", "pest", "vermin", "stench", "mourning"};

// Glosses that name a bad thing only to say it is absent or fought: "free from disease"
// (health), "the treatment of diseases" (therapeutics), "free from danger" (security).
constexpr std::string_view kRelievingGlossWords[] = {"free", "treatment", "treating", "treat", "prevent", "preventing",
                                                     "protect", "protection", "absence", "cure", "curing", "relief",
                                                     "against", "heal", "healing", "safe", "safety", "medicine"};

bool negative_gloss(std::string_view gloss) {
  std::string lower;
  for (char c : gloss) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::string word;
  bool relieving = false;
  for (char c : lower + " ") {
    if (is_letter(c)) {
      word.push_back(c);
      continue;
    }
    if (std::ranges::find(kRelievingGlossWords, std::string_view(word)) != std::end(kRelievingGlossWords)) relieving = true;
    word.clear();
  }
  if (relieving) return false;
  gloss = lower;
  auto check = [&] {
    bool hit = !word.empty() && std::ranges::find(kNegativeGlossWords, std::string_view(word)) != std::end(kNegativeGlossWords);
    word.clear();
    return hit;
  };
  for (char raw : gloss) {
    auto c = static_cast<char>(std::tolower(static_cast<unsigned char>(raw)));
    if (is_letter(c)) {
      word.push_back(c);
    } else if (check()) {
      return true;
    }
  }
  return check();
}

}  // namespace

NegativeWords::NegativeWords(std::vector<std::string> words) : words_(std::move(words)) {
  std::ranges::sort(words_);
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  set_.reserve(words_.size());
  for (const auto& w : words_) set_.insert(word_hash(w), 0);
}

NegativeWords NegativeWords::build(const lexicon::Lexicon& lexicon) {
  std::vector<std::string> words;
  lexicon.for_each_synset([&](const lexicon::Synset& s) {
    if (!negative_gloss(s.gloss)) return;
    for (auto w : s.words) {
      if (w.size() < 3 || !std::ranges::all_of(w, is_letter)) continue;
      // Only when this is the word's main sense: "bank" is not negative for its rarest sense.
      auto senses = lexicon.synsets(w);
      if (!senses.empty() && senses.front() == s.ref) words.emplace_back(w);
    }
  });
  return NegativeWords(std::move(words));
}

bool NegativeWords::contains_exact(std::string_view w) const {
  return set_.find(word_hash(w), [](std::uint32_t) { return true; });
}

bool NegativeWords::contains(std::string_view w) const {
  auto has = [&](std::string_view x) { return x.size() >= 3 && set_.find(word_hash(x), [](std::uint32_t) { return true; }); };
  if (has(w)) return true;
  for (std::string_view suffix : {"ly", "s", "es", "y", "ish", "ed", "ing", "er", "ful", "ous"})
    if (w.size() > suffix.size() + 2 && w.ends_with(suffix) && has(w.substr(0, w.size() - suffix.size()))) return true;
  return false;
}

}  // namespace snai::score
