// The lookup structures the quality features probe per name, built once: a flat 64-bit hash
// table, the lexicon's words with their frequency (WordTable), brand names one edit or one
// sound-alike away (BrandNeighbours) and words whose main sense is negative (NegativeWords).
// Each answers without allocating a string per probe.
//
//   BrandNeighbours brands(registry);
//   brands.nearest("Gooogle").name;                     // "Google"
//   WordTable words = WordTable::build(lexicon);
//   words.find("stripe")->common;                       // true
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace snai::lexicon {
class Lexicon;
}
namespace snai::brands {
class BrandRegistry;
}

namespace snai::score {

// Spelling folded to sound: digits read as letters (0→o, 1→i, 3→e, 4→a, 5→s), ph→f, ck/c/q→k,
// x→ks, z→s, doubled letters once ("Netfliks" and "Netflix" both → "netfliks"): near-copies
// are found by how they sound, not only by edits.
std::string sound_key(std::string_view normalized);

// A flat open-addressing multimap from a 64-bit word hash to a 32-bit value: one probe, no
// allocation, where an unordered_map<string, ...> or the lexicon's binary search cost a dozen
// cache misses per word. Hash 0 is reserved for empty slots. Size it with reserve() first.
class HashTable64 {
 public:
  void reserve(std::size_t entries);
  void insert(std::uint64_t hash, std::uint32_t value);
  // Calls visit(value) for each entry with this hash until it returns true; true when one did.
  template <class F>
  bool find(std::uint64_t hash, F&& visit) const {
    if (keys_.empty()) return false;
    hash = hash ? hash : 1;
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == 0) return false;
      if (keys_[i] == hash && visit(values_[i])) return true;
    }
  }
  std::size_t size() const { return size_; }

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t mask_ = 0, size_ = 0;
};

std::uint64_t word_hash(std::string_view s);                    // FNV-1a, 64 bits
std::uint64_t word_hash_without(std::string_view s, std::size_t skip);  // of s minus the letter at skip

// The lexicon's plain words (letters only, up to 24) with whether they are common and their
// WordNet tag count, in a HashTable64: exact forms only, no lemmatisation.
class WordTable {
 public:
  struct Info {
    bool common = false;
    std::uint32_t tag_count = 0;
  };
  using Entries = std::vector<std::pair<std::string, Info>>;
  WordTable() = default;
  static WordTable build(const lexicon::Lexicon& lexicon) { return from(entries(lexicon)); }
  static WordTable from(const Entries& words);
  // What build() reads from the lexicon (about a second: one lookup per word); saved beside the
  // quality model so loading skips it.
  static Entries entries(const lexicon::Lexicon& lexicon);
  std::optional<Info> find(std::string_view word) const;
  std::size_t size() const { return table_.size(); }

 private:
  HashTable64 table_;  // value: tag_count (31 bits) | common << 31
};

// Brand names one edit (insert, delete, substitute) from a query after both are folded to
// sound_key(), by a deletion index over the normalised names and aliases of the registry
// (brands::normalize_brand). The brand itself is not reported: a name is not "close to" itself.
class BrandNeighbours {
 public:
  BrandNeighbours() = default;
  explicit BrandNeighbours(const brands::BrandRegistry& registry);
  explicit BrandNeighbours(const std::vector<std::string>& names);

  struct Match {
    std::string_view name;  // as the brand writes it; empty when none
    int key_letters = 0;    // length of the brand's normalised key: longer means a clearer copy
  };
  // A different brand within one edit of `name`.
  Match nearest(std::string_view name) const;
  std::size_t size() const { return display_.size(); }

 private:
  void add(std::string_view display, std::string_view key);
  void index();
  std::vector<std::pair<std::string, std::string>> pending_;  // (display, key) until index()
  std::vector<std::string> display_;
  std::vector<std::string> keys_;      // normalised, for recognising the brand itself
  std::vector<std::string> sounds_;    // sound_key of keys_
  HashTable64 deletions_;  // hash of each sound key and of it minus one letter → brand
};

// Words whose main sense is unpleasant: the first WordNet sense's gloss speaks of death,
// disease, decay, harm, failure, fear ... ("doom", "rot", "funeral", "poison"). Broader than
// NameScreen's negative list, which only holds the death/disease/crime synsets.
class NegativeWords {
 public:
  NegativeWords() = default;
  explicit NegativeWords(std::vector<std::string> words);
  static NegativeWords build(const lexicon::Lexicon& lexicon);
  const std::vector<std::string>& words() const { return words_; }
  // The word, or it minus a common suffix ("deathly" → "death"), is negative.
  bool contains(std::string_view lower_word) const;
  bool contains_exact(std::string_view lower_word) const;  // the word itself is listed
  std::size_t size() const { return words_.size(); }

 private:
  std::vector<std::string> words_;  // sorted
  HashTable64 set_;
};

}  // namespace snai::score
