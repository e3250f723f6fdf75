#include "screening/name_screen.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "screening/internal/word_trie.hpp"

namespace snai::screening {
namespace {

using internal::WordTrie;

// Longer runs of letters are not screened for splits (no generated name comes near it).
constexpr std::size_t kMaxSplitLetters = 64;
constexpr int kUnreachable = 1 << 20;
// Offensive words this short turn up by chance inside innocent strings ("star tit up"),
// so in a split they count only between words at least this long.
constexpr std::size_t kShortWord = 3;

bool is_lower_alpha(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// The parts a reader sees: runs of ASCII letters, split at camelCase ("PenIsland") and before
// the last capital of an acronym run ("AIDoc" → "ai", "doc"); everything else separates.
void split_parts(std::string_view name, std::vector<std::string>& parts, std::string& letters) {
  std::string current;
  auto flush = [&] {
    if (!current.empty()) parts.push_back(std::move(current));
    current.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (!is_upper(c) && !is_lower(c)) {
      flush();
      continue;
    }
    if (i > 0 && is_upper(c)) {
      char prev = name[i - 1];
      bool next_lower = i + 1 < name.size() && is_lower(name[i + 1]);
      if (is_lower(prev) || (is_upper(prev) && next_lower)) flush();
    }
    current.push_back(to_lower(c));
    letters.push_back(to_lower(c));
  }
  flush();
}

// Minimal splits of a string into segment words, from the left (prefix[i]: s[0,i)) and from
// the right (suffix[i]: s[i,n)), each also with the constraint that the segment touching the
// cut is at least kShortWord letters long.
struct Splits {
  std::size_t n = 0;
  std::array<int, kMaxSplitLetters + 1> prefix{}, prefix_long{}, suffix{}, suffix_long{};
  std::array<std::uint8_t, kMaxSplitLetters + 1> prefix_from{}, prefix_long_from{}, suffix_to{}, suffix_long_to{};

  Splits(const WordTrie& words, std::string_view s) : n(s.size()) {
    prefix.fill(kUnreachable);
    prefix_long.fill(kUnreachable);
    suffix.fill(kUnreachable);
    suffix_long.fill(kUnreachable);
    prefix[0] = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (prefix[i] == kUnreachable) continue;
      auto node = words.root();
      for (std::size_t j = i + 1; j <= n; ++j) {
        auto next = words.child(node, s[j - 1]);
        if (!next) break;
        node = *next;
        if (words.value(node) == WordTrie::kNoValue) continue;
        int cost = prefix[i] + 1;
        if (cost < prefix[j]) prefix[j] = cost, prefix_from[j] = static_cast<std::uint8_t>(i);
        if (j - i >= kShortWord && cost < prefix_long[j]) prefix_long[j] = cost, prefix_long_from[j] = static_cast<std::uint8_t>(i);
      }
    }
    suffix[n] = 0;
    for (std::size_t i = n; i-- > 0;) {
      auto node = words.root();
      for (std::size_t j = i + 1; j <= n; ++j) {
        auto next = words.child(node, s[j - 1]);
        if (!next) break;
        node = *next;
        if (words.value(node) == WordTrie::kNoValue || suffix[j] == kUnreachable) continue;
        int cost = suffix[j] + 1;
        if (cost < suffix[i]) suffix[i] = cost, suffix_to[i] = static_cast<std::uint8_t>(j);
        if (j - i >= kShortWord && cost < suffix_long[i]) suffix_long[i] = cost, suffix_long_to[i] = static_cast<std::uint8_t>(j);
      }
    }
  }

  // s[0,end) as words, the last one long when asked: "the".
  void append_prefix(std::string_view s, std::size_t end, bool long_last, std::vector<std::string_view>& out) const {
    std::vector<std::string_view> reversed;
    std::size_t at = end;
    bool use_long = long_last;
    while (at > 0) {
      std::size_t from = use_long ? prefix_long_from[at] : prefix_from[at];
      reversed.push_back(s.substr(from, at - from));
      at = from;
      use_long = false;
    }
    out.insert(out.end(), reversed.rbegin(), reversed.rend());
  }
  void append_suffix(std::string_view s, std::size_t begin, bool long_first, std::vector<std::string_view>& out) const {
    std::size_t at = begin;
    bool use_long = long_first;
    while (at < n) {
      std::size_t to = use_long ? suffix_long_to[at] : suffix_to[at];
      out.push_back(s.substr(at, to - at));
      at = to;
      use_long = false;
    }
  }
};

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  return out;
}

// The findings of one screen, each (kind, word) once.
class Findings {
 public:
  void add(ScreenFinding::Kind kind, std::string_view word, std::string reading, std::string_view reason) {
    for (const auto& f : out_)
      if (f.kind == kind && f.word == word) return;
    out_.push_back({kind, std::string(word), std::move(reading), std::string(reason)});
  }
  // Already found offensive, on its own or inside a split.
  bool reported_offensive(std::string_view word) const {
    return std::any_of(out_.begin(), out_.end(), [&](const ScreenFinding& f) { return f.word == word && f.kind != ScreenFinding::Kind::negative; });
  }
  std::vector<ScreenFinding> take() { return std::move(out_); }

 private:
  std::vector<ScreenFinding> out_;
};

std::uint32_t find_value(const WordTrie& trie, std::string_view word) {
  auto node = trie.root();
  for (char c : word) {
    auto next = trie.child(node, c);
    if (!next) return WordTrie::kNoValue;
    node = *next;
  }
  return trie.value(node);
}

}  // namespace

std::string_view to_string(ScreenFinding::Kind kind) {
  switch (kind) {
    case ScreenFinding::Kind::offensive: return "offensive";
    case ScreenFinding::Kind::unfortunate_split: return "unfortunate_split";
    case ScreenFinding::Kind::negative: return "negative";
  }
  return "offensive";
}

struct NameScreen::Data {
  // The dictionary as one sorted blob: half the memory of a set of strings, binary-searched.
  std::string known_blob;
  std::vector<std::uint32_t> known_offsets;  // size()+1 entries
  WordTrie segments;
  WordTrie function_words;
  WordTrie offensive_trie;  // value: index + 1 into offensive
  std::vector<OffensiveEntry> offensive;
  WordTrie negative_trie;   // value: index + 1 into negative
  std::vector<NegativeEntry> negative;

  std::string_view known_at(std::size_t i) const {
    return std::string_view(known_blob).substr(known_offsets[i], known_offsets[i + 1] - known_offsets[i]);
  }
  bool known(std::string_view word) const {
    std::size_t lo = 0, hi = known_offsets.size() - 1;
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      if (known_at(mid) < word) lo = mid + 1;
      else hi = mid;
    }
    return lo < known_offsets.size() - 1 && known_at(lo) == word;
  }
  const OffensiveEntry* offensive_word(std::string_view word) const {
    auto v = find_value(offensive_trie, word);
    return v == WordTrie::kNoValue ? nullptr : &offensive[v - 1];
  }
  const NegativeEntry* negative_word(std::string_view word) const {
    auto v = find_value(negative_trie, word);
    return v == WordTrie::kNoValue ? nullptr : &negative[v - 1];
  }

  // The phases of NameScreen::screen, in order.
  void find_offensive_words(const std::vector<std::string>& parts, const std::string& letters, Findings& found) const;
  void find_unfortunate_splits(const std::vector<std::string>& parts, const std::string& letters, Findings& found) const;
  void find_negative_words(const std::vector<std::string>& parts, Findings& found) const;

  void scan_splits(std::string_view s, Findings& found) const;
  bool read_as_longer_word(const Splits& splits, std::string_view s, std::size_t i, std::size_t j, int offensive_cost) const;
  void scan_edges(std::string_view s, Findings& found) const;
};

NameScreen::NameScreen(std::unique_ptr<Data> data) : data_(std::move(data)) {}
NameScreen::NameScreen(NameScreen&&) noexcept = default;
NameScreen& NameScreen::operator=(NameScreen&&) noexcept = default;
NameScreen::~NameScreen() = default;

NameScreen NameScreen::build(const lexicon::Lexicon& lexicon) { return from_lists(screen_word_lists(lexicon)); }

NameScreen NameScreen::from_lists(const ScreenWordLists& lists) {
  auto data = std::make_unique<Data>();
  std::vector<std::string_view> known;
  known.reserve(lists.known_words.size());
  for (const auto& w : lists.known_words)
    if (is_lower_alpha(w)) known.push_back(w);
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  data->known_offsets.reserve(known.size() + 1);
  for (auto w : known) {
    data->known_offsets.push_back(static_cast<std::uint32_t>(data->known_blob.size()));
    data->known_blob.append(w);
  }
  data->known_offsets.push_back(static_cast<std::uint32_t>(data->known_blob.size()));

  std::vector<std::pair<std::string, std::uint32_t>> words;
  for (const auto& w : lists.segment_words)
    if (is_lower_alpha(w)) words.emplace_back(w, 1);
  data->segments = WordTrie(std::move(words));
  words.clear();
  for (const auto& w : lists.function_words)
    if (is_lower_alpha(w)) words.emplace_back(w, 1);
  data->function_words = WordTrie(std::move(words));

  words.clear();
  for (const auto& e : lists.offensive) {
    if (!is_lower_alpha(e.word)) continue;
    data->offensive.push_back(e);
    words.emplace_back(e.word, static_cast<std::uint32_t>(data->offensive.size()));
  }
  data->offensive_trie = WordTrie(std::move(words));

  words.clear();
  for (const auto& e : lists.negative) {
    if (!is_lower_alpha(e.word)) continue;
    data->negative.push_back(e);
    words.emplace_back(e.word, static_cast<std::uint32_t>(data->negative.size()));
  }
  data->negative_trie = WordTrie(std::move(words));
  return NameScreen(std::move(data));
}

void NameScreen::Data::find_offensive_words(const std::vector<std::string>& parts, const std::string& letters,
                                            Findings& found) const {
  for (const auto& part : parts)
    if (const auto* e = offensive_word(part)) found.add(ScreenFinding::Kind::offensive, e->word, part, e->reason);
  if (parts.size() > 1)
    if (const auto* e = offensive_word(letters)) found.add(ScreenFinding::Kind::offensive, e->word, letters, e->reason);
}

void NameScreen::Data::find_unfortunate_splits(const std::vector<std::string>& parts, const std::string& letters,
                                               Findings& found) const {
  for (const auto& part : parts) {
    if (known(part)) continue;
    scan_splits(part, found);
    scan_edges(part, found);
  }
  if (parts.size() > 1) scan_splits(letters, found);
}

// "woodcock", "assess", "titled": the offensive letters lie inside a longer dictionary word
// of another full split, and that split reads more naturally when it needs fewer words
// ("woodcock craze" vs "wood cock craze"). Not when it needs as many ("it scrap" vs "its
// crap"), nor when the one word more is a function word joined to the offensive one
// ("therapist finder" vs "the rapist finder").
bool NameScreen::Data::read_as_longer_word(const Splits& splits, std::string_view s, std::size_t i, std::size_t j,
                                           int offensive_cost) const {
  for (std::size_t a = 0; a <= i; ++a) {
    if (splits.prefix[a] == kUnreachable) continue;
    for (std::size_t b = j; b <= s.size(); ++b) {
      if ((a == i && b == j) || splits.suffix[b] == kUnreachable) continue;
      int cost = splits.prefix[a] + 1 + splits.suffix[b];
      if (cost >= offensive_cost || !known(s.substr(a, b - a))) continue;
      bool function_joined = cost + 1 == offensive_cost &&
                             ((b == j && i - a >= 2 && function_words.contains(s.substr(a, i - a))) ||
                              (a == i && b - j >= 2 && function_words.contains(s.substr(j, b - j))));
      if (!function_joined) return true;
    }
  }
  return false;
}

// Every split of `s` into segment words that has an offensive word as one of its words.
void NameScreen::Data::scan_splits(std::string_view s, Findings& found) const {
  if (s.size() > kMaxSplitLetters || known(s)) return;
  Splits splits(segments, s);
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    auto node = offensive_trie.root();
    for (std::size_t j = i + 1; j <= n; ++j) {
      auto next = offensive_trie.child(node, s[j - 1]);
      if (!next) break;
      node = *next;
      auto v = offensive_trie.value(node);
      if (v == WordTrie::kNoValue || (i == 0 && j == n)) continue;
      const auto& entry = offensive[v - 1];
      if (found.reported_offensive(entry.word)) continue;
      bool is_short = j - i <= kShortWord;
      bool left = is_short ? (i == 0 || splits.prefix_long[i] < kUnreachable) : splits.prefix[i] < kUnreachable;
      bool right = is_short ? (j == n || splits.suffix_long[j] < kUnreachable) : splits.suffix[j] < kUnreachable;
      if (!left || !right) continue;
      int offensive_cost = (is_short && i > 0 ? splits.prefix_long[i] : splits.prefix[i]) + 1 +
                           (is_short && j < n ? splits.suffix_long[j] : splits.suffix[j]);
      if (read_as_longer_word(splits, s, i, j, offensive_cost)) continue;
      std::vector<std::string_view> reading;
      splits.append_prefix(s, i, is_short, reading);
      reading.push_back(s.substr(i, j - i));
      splits.append_suffix(s, j, is_short, reading);
      found.add(ScreenFinding::Kind::unfortunate_split, entry.word, join(reading), entry.reason);
    }
  }
}

// An invented word that starts or ends with a severe word: "fuckly", "datashit".
void NameScreen::Data::scan_edges(std::string_view s, Findings& found) const {
  const std::size_t n = s.size();
  auto node = offensive_trie.root();
  for (std::size_t j = 1; j < n; ++j) {
    auto next = offensive_trie.child(node, s[j - 1]);
    if (!next) break;
    node = *next;
    auto v = offensive_trie.value(node);
    if (v != WordTrie::kNoValue && offensive[v - 1].severe && !found.reported_offensive(offensive[v - 1].word))
      found.add(ScreenFinding::Kind::unfortunate_split, offensive[v - 1].word,
                std::string(s.substr(0, j)) + " " + std::string(s.substr(j)), offensive[v - 1].reason);
  }
  for (std::size_t i = 1; i < n; ++i) {
    auto v = find_value(offensive_trie, s.substr(i));
    if (v != WordTrie::kNoValue && offensive[v - 1].severe && !found.reported_offensive(offensive[v - 1].word))
      found.add(ScreenFinding::Kind::unfortunate_split, offensive[v - 1].word,
                std::string(s.substr(0, i)) + " " + std::string(s.substr(i)), offensive[v - 1].reason);
  }
}

void NameScreen::Data::find_negative_words(const std::vector<std::string>& parts, Findings& found) const {
  for (const auto& part : parts) {
    if (const auto* e = negative_word(part)) {
      found.add(ScreenFinding::Kind::negative, e->word, part, e->reason);
      continue;
    }
    if (known(part) || part.size() > kMaxSplitLetters) continue;
    // An invented part is read as its shortest split into words: "deathnote" → "death note"
    // (and "skillshare" → "skill share", never "s kill share").
    Splits splits(segments, part);
    if (splits.prefix[part.size()] == kUnreachable) continue;
    std::vector<std::string_view> reading;
    splits.append_prefix(part, part.size(), false, reading);
    for (auto w : reading)
      if (const auto* e = negative_word(w)) found.add(ScreenFinding::Kind::negative, e->word, join(reading), e->reason);
  }
}

std::vector<ScreenFinding> NameScreen::screen(std::string_view name) const {
  std::vector<std::string> parts;
  std::string letters;
  split_parts(name, parts, letters);
  Findings found;
  data_->find_offensive_words(parts, letters, found);
  data_->find_unfortunate_splits(parts, letters, found);
  data_->find_negative_words(parts, found);
  return found.take();
}

bool NameScreen::blocks(std::span<const ScreenFinding> findings) {
  return std::any_of(findings.begin(), findings.end(), [](const ScreenFinding& f) { return f.kind != ScreenFinding::Kind::negative; });
}

bool NameScreen::blocked(std::string_view name) const { return blocks(screen(name)); }

std::size_t NameScreen::offensive_word_count() const { return data_->offensive.size(); }
std::size_t NameScreen::negative_word_count() const { return data_->negative.size(); }
bool NameScreen::is_offensive_word(std::string_view word) const { return data_->offensive_word(word) != nullptr; }
bool NameScreen::is_negative_word(std::string_view word) const { return data_->negative_word(word) != nullptr; }

}  // namespace snai::screening
