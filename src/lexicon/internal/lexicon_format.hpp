// The lexicon artifact's on-disk layout, shared by the builder (writes it) and Lexicon
// (memory-maps it and reads the records in place, no parsing).
//
// File = Header, then the sections listed in Header::sections, each 8-byte aligned.
// Every record is a fixed-size, trivially copyable struct of little-endian integers; text
// lives in the `strings` section and is referenced by StrRef {offset, length}.
//
//   words        WordRecord[]   sorted by key (normalised: lower-case, '_' → ' ')
//   senses       SenseRecord[]  per word, WordNet sense order, grouped noun, verb, adj, adv
//   synsets      SynsetRecord[] data.noun, data.verb, data.adj, data.adv in file order
//   synset_words SynsetWordRecord[]  the words of each synset, in synset order
//   examples     StrRef[]       quoted examples from the glosses
//   pointers     PointerRecord[]
//   prons        PronRecord[]   CMU pronunciations (phoneme bytes in `strings`, see phoneme_codec.hpp)
//   rhymes       RhymeRecord[]  (word, pron) sorted by rhyme part, then by rank (frequency) descending
//   exceptions   ExceptionRecord[]  morphology exceptions sorted by (inflected, pos)
//   word_slots       u64[]  hash table: a word's key → its index in words
//   exception_slots  u64[]  hash table: an inflected form → its first exception record
//
// The two hash tables are built with the artifact so that opening it builds nothing: open
// addressing with linear probing, a power-of-two number of slots (at least 16, and twice the
// entries), home slot snai::hash64(key) & (slots - 1) (core/hash.hpp). A slot is
// (hash >> 32) << 32 | (index + 1); 0 is empty. Equal keys sit in index order.
//
// Version 2 added the hash tables (version 1 files are refused: rebuild them).
#pragma once

#include <cstdint>
#include <type_traits>

namespace snai::lexicon::format {

inline constexpr char kMagic[8] = {'S', 'N', 'A', 'I', 'L', 'E', 'X', '\0'};
inline constexpr std::uint32_t kVersion = 2;
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;
inline constexpr std::uint32_t kNone = 0xFFFFFFFF;

enum class Section : std::uint32_t {
  strings, words, senses, synsets, synset_words, examples, pointers, prons, rhymes, exceptions, word_slots,
  exception_slots, count
};
inline constexpr std::uint32_t kSectionCount = static_cast<std::uint32_t>(Section::count);

struct SectionEntry {
  std::uint64_t offset;
  std::uint64_t size;         // bytes
  std::uint32_t count;        // records
  std::uint32_t record_size;  // bytes per record (1 for strings)
};

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;  // kByteOrderMark as written by the builder
  std::uint64_t file_size;
  std::uint64_t source_fingerprint;  // lexicon_sources_fingerprint() of the inputs
  std::int64_t built_unix_ms;
  std::uint32_t section_count;
  std::uint32_t header_size;
  SectionEntry sections[kSectionCount];
};

struct StrRef {
  std::uint32_t offset;
  std::uint32_t length;
};

// Word flags.
inline constexpr std::uint8_t kInWordnet = 1 << 0;
inline constexpr std::uint8_t kCommon = 1 << 1;       // in american-english
inline constexpr std::uint8_t kInWordList = 1 << 2;   // in american-english-huge
inline constexpr std::uint8_t kCapitalized = 1 << 3;  // the word lists only spell it capitalised
inline constexpr std::uint8_t kInCmudict = 1 << 4;

struct WordRecord {
  std::uint32_t key_offset;
  std::uint16_t key_length;
  std::uint8_t pos_mask;  // PosSet bits
  std::uint8_t flags;
  std::uint32_t tag_count;  // sum over senses of WordNet's tag counts (cntlist)
  std::uint32_t sense_begin;
  std::uint16_t sense_count;
  std::uint8_t pron_count;
  std::uint8_t reserved;
  std::uint32_t pron_begin;
};

struct SenseRecord {
  std::uint32_t synset;
  std::uint32_t tag_count;
};

struct SynsetRecord {
  std::uint32_t wordnet_offset;  // byte offset in data.<pos>, WordNet's synset id
  std::uint32_t word_begin;
  StrRef gloss;  // definition without the quoted examples
  std::uint32_t example_begin;
  std::uint32_t pointer_begin;
  std::uint16_t pointer_count;
  std::uint8_t word_count;
  std::uint8_t example_count;
  std::uint8_t pos;  // Pos
  std::uint8_t lexname;  // lex_filenum, 0..44
  std::uint8_t satellite;
  std::uint8_t reserved;
};

struct SynsetWordRecord {
  StrRef text;         // as WordNet spells it, '_' → ' ', adjective markers removed ("Dr.", "MD")
  std::uint32_t word;  // index into words (its normalised key)
};

struct PointerRecord {
  std::uint32_t target;  // synset index
  std::uint8_t relation;  // Relation
  std::uint8_t source_word;  // 1-based word number in the source synset; 0 = whole synset
  std::uint8_t target_word;  // same in the target synset
  std::uint8_t reserved;
};

struct PronRecord {
  std::uint32_t offset;  // phoneme bytes in strings
  std::uint8_t length;
  std::uint8_t tag;  // Festival's part-of-speech tag: 0 none, 1 noun, 2 verb, 3 other
  std::uint16_t reserved;
};

struct RhymeRecord {
  std::uint32_t word;
  std::uint32_t pron;
};

struct ExceptionRecord {
  StrRef inflected;
  StrRef base;
  std::uint8_t pos;
  std::uint8_t reserved[3];
};

template <class T>
inline constexpr bool kIsRecord = std::is_trivially_copyable_v<T> && std::is_standard_layout_v<T> && alignof(T) <= 8;
static_assert(kIsRecord<Header> && kIsRecord<WordRecord> && kIsRecord<SynsetRecord> && kIsRecord<PointerRecord>);
static_assert(sizeof(WordRecord) == 24 && sizeof(SenseRecord) == 8 && sizeof(SynsetRecord) == 32);
static_assert(sizeof(SynsetWordRecord) == 12 && sizeof(PointerRecord) == 8 && sizeof(PronRecord) == 8);
static_assert(sizeof(ExceptionRecord) == 20 && sizeof(StrRef) == 8);

}  // namespace snai::lexicon::format
