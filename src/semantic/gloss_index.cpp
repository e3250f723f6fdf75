#include "semantic/gloss_index.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <tuple>

#include "semantic/stop_words.hpp"

namespace snai::semantic {
namespace {

// Could be an inflected form: a plural, a participle, a comparative, or one of the irregular
// forms WordNet lists (men, children, feet, mice). Every other token is taken as its own lemma,
// which spares morphy (the slow part) for most of the 40k distinct gloss tokens.
bool maybe_inflected(std::string_view token) {
  static constexpr std::string_view kEndings[] = {"s", "ed", "ing", "er", "est", "men", "ren", "eet", "eeth", "ice"};
  for (auto e : kEndings)
    if (token.ends_with(e)) return true;
  return false;
}

// Lower-case ASCII words of 3+ letters; `visit` gets each in a reused buffer.
template <typename Visit>
void for_each_token(std::string_view text, std::string& buffer, Visit&& visit) {
  buffer.clear();
  for (std::size_t i = 0; i <= text.size(); ++i) {
    char ch = i < text.size() ? text[i] : ' ';
    if (ch >= 'a' && ch <= 'z') {
      buffer.push_back(ch);
    } else if (ch >= 'A' && ch <= 'Z') {
      buffer.push_back(static_cast<char>(ch - 'A' + 'a'));
    } else {
      if (buffer.size() >= 3) visit(buffer);
      buffer.clear();
    }
  }
}

// The build's token look-ups (about a million: every word of every gloss) go through this flat
// table, and token_id_ is filled once per distinct token at the end: std::unordered_map's hashing
// and node chasing were half of the build.
class TokenTable {
 public:
  TokenTable() : slots_(1 << 17, 0) {}
  // The value of `token`, inserted as -1 when new (then `fresh`).
  std::int32_t& find_or_insert(std::string_view token, bool& fresh) {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::string_view>{}(token) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == 0) {
        fresh = true;
        entries_.emplace_back(std::string(token), -1);
        slots_[i] = static_cast<std::uint32_t>(entries_.size());
        if (entries_.size() * 2 > slots_.size()) grow();
        return entries_.back().second;
      }
      if (entries_[slots_[i] - 1].first == token) {
        fresh = false;
        return entries_[slots_[i] - 1].second;
      }
    }
  }
  std::vector<std::pair<std::string, std::int32_t>>& entries() { return entries_; }

 private:
  void grow() {
    std::vector<std::uint32_t> bigger(slots_.size() * 2, 0);
    std::size_t mask = bigger.size() - 1;
    for (std::uint32_t e = 0; e < entries_.size(); ++e) {
      std::size_t i = std::hash<std::string_view>{}(entries_[e].first) & mask;
      while (bigger[i] != 0) i = (i + 1) & mask;
      bigger[i] = e + 1;
    }
    slots_.swap(bigger);
  }
  std::vector<std::uint32_t> slots_;  // entry index + 1; 0 empty
  std::vector<std::pair<std::string, std::int32_t>> entries_;
};

}  // namespace

GlossIndex::GlossIndex(const lexicon::Lexicon& lexicon) {
  std::vector<std::vector<lexicon::SynsetRef>> lists;  // by lemma id, while reading
  lemma_id_.reserve(1 << 16);
  TokenTable tokens;
  std::string buffer;
  gloss_start_.assign(lexicon.synset_count() + 1, 0);
  proper_.assign(lexicon.synset_count(), false);
  lexicon.for_each_synset([&](const lexicon::Synset& s) {
    ++documents_;
    proper_[s.ref.index] = !s.words.empty() && !s.words.front().empty() && s.words.front()[0] >= 'A' &&
                           s.words.front()[0] <= 'Z';
    auto first = gloss_ids_.size();
    auto visit = [&](const std::string& token) {
      bool fresh = false;
      std::int32_t& id = tokens.find_or_insert(token, fresh);
      if (fresh && !is_stop_word(token)) {
        auto [lemma, added] = lemma_id_.try_emplace(maybe_inflected(token) ? lexicon.lemmatize(token) : token,
                                                    static_cast<std::int32_t>(lists.size()));
        if (added) {
          lists.emplace_back();
          lemmas_.push_back(lemma->first);
        }
        id = lemma->second;
      }
      if (id < 0) return;
      auto& list = lists[static_cast<std::size_t>(id)];
      if (list.empty() || list.back() != s.ref) {
        list.push_back(s.ref);
        gloss_ids_.push_back(id);
      }
    };
    for_each_token(s.gloss, buffer, visit);
    gloss_start_[s.ref.index + 1] = static_cast<std::uint32_t>(gloss_ids_.size() - first);
  });
  for (std::size_t i = 1; i < gloss_start_.size(); ++i) gloss_start_[i] += gloss_start_[i - 1];
  gloss_ids_.shrink_to_fit();
  mention_start_.reserve(lists.size() + 1);
  mention_start_.push_back(0);
  std::size_t total = 0;
  for (const auto& list : lists) total += list.size();
  mentions_.reserve(total);
  for (auto& list : lists) {
    mentions_.insert(mentions_.end(), list.begin(), list.end());
    mention_start_.push_back(static_cast<std::uint32_t>(mentions_.size()));
    std::vector<lexicon::SynsetRef>().swap(list);
  }
  token_id_.reserve(tokens.entries().size());
  for (auto& [token, id] : tokens.entries()) token_id_.emplace(std::move(token), id);
}

const GlossIndex& GlossIndex::of(const lexicon::Lexicon& lexicon) {
  static std::mutex mutex;
  static std::map<std::tuple<const void*, std::uint64_t, std::int64_t>, std::unique_ptr<GlossIndex>> built;
  std::lock_guard lock(mutex);
  auto& slot = built[{&lexicon, lexicon.source_fingerprint(), lexicon.built_unix_ms()}];
  if (!slot) slot = std::make_unique<GlossIndex>(lexicon);
  return *slot;
}

std::span<const lexicon::SynsetRef> GlossIndex::mentioning(std::string_view lemma) const {
  auto it = lemma_id_.find(std::string(lemma));
  if (it == lemma_id_.end()) return {};
  const auto id = static_cast<std::size_t>(it->second);
  return std::span(mentions_).subspan(mention_start_[id], mention_start_[id + 1] - mention_start_[id]);
}

std::span<const std::int32_t> GlossIndex::gloss_ids(lexicon::SynsetRef ref) const {
  if (ref.index + 1 >= gloss_start_.size()) return {};
  return std::span(gloss_ids_).subspan(gloss_start_[ref.index], gloss_start_[ref.index + 1] - gloss_start_[ref.index]);
}

std::int32_t GlossIndex::id_of_token(const std::string& token) const {
  auto it = token_id_.find(token);
  return it == token_id_.end() ? -1 : it->second;
}

std::vector<std::int32_t> GlossIndex::lemma_ids(std::string_view text) const {
  std::vector<std::int32_t> ids;
  std::string buffer;
  for_each_token(text, buffer, [&](const std::string& token) {
    auto id = id_of_token(token);
    if (id >= 0 && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  });
  return ids;
}

}  // namespace snai::semantic
