// Lexicon::open: map the artifact and check it before any query can read out of bounds.
// The checks walk every record once (a few milliseconds); nothing is parsed, copied or built:
// the hashed key tables come with the artifact and are probed in place.
#include <bit>
#include <cstring>

#include "lexicon/internal/lexicon_data.hpp"
#include "lexicon/lexicon.hpp"
#include "lexicon/relation.hpp"

namespace snai::lexicon {
namespace internal {
namespace {

template <class Record>
Status bind_section(std::span<const Record>& out, const LexiconData& data, format::Section id, std::string_view name) {
  const auto& s = data.header->sections[static_cast<std::uint32_t>(id)];
  auto file_size = data.file.bytes().size();
  if (s.record_size != sizeof(Record) || s.size != std::uint64_t{s.count} * sizeof(Record))
    return fail(ErrorCode::data_corrupt, "section " + std::string(name) + " has the wrong record size");
  if (s.offset % 8 != 0 || s.offset > file_size || s.size > file_size - s.offset)
    return fail(ErrorCode::data_corrupt, "section " + std::string(name) + " lies outside the file");
  out = {reinterpret_cast<const Record*>(data.file.bytes().data() + s.offset), s.count};
  return ok();
}

bool range_ok(std::uint64_t begin, std::uint64_t count, std::size_t size) { return begin <= size && count <= size - begin; }

Status check_records(const LexiconData& d) {
  auto bad = [](std::string what) { return fail(ErrorCode::data_corrupt, "damaged " + what); };
  auto str_ok = [&](format::StrRef r) { return range_ok(r.offset, r.length, d.strings.size()); };
  for (const auto& w : d.words)
    if (!range_ok(w.key_offset, w.key_length, d.strings.size()) || !range_ok(w.sense_begin, w.sense_count, d.senses.size()) ||
        !range_ok(w.pron_begin, w.pron_count, d.prons.size()))
      return bad("word record");
  for (const auto& s : d.senses)
    if (s.synset >= d.synsets.size()) return bad("sense record");
  for (const auto& s : d.synsets)
    if (!range_ok(s.word_begin, s.word_count, d.synset_words.size()) || !str_ok(s.gloss) ||
        !range_ok(s.example_begin, s.example_count, d.examples.size()) ||
        !range_ok(s.pointer_begin, s.pointer_count, d.pointers.size()) || s.pos > 3 || s.lexname > 44)
      return bad("synset record");
  for (const auto& w : d.synset_words)
    if (!str_ok(w.text) || w.word >= d.words.size()) return bad("synset word record");
  for (const auto& e : d.examples)
    if (!str_ok(e)) return bad("example record");
  for (const auto& p : d.pointers)
    if (p.target >= d.synsets.size() || p.relation >= kRelationCount) return bad("pointer record");
  for (const auto& p : d.prons) {
    if (!range_ok(p.offset, p.length, d.strings.size())) return bad("pronunciation record");
    for (char c : d.strings.substr(p.offset, p.length)) {
      auto b = static_cast<std::uint8_t>(c);
      if (b != 0xFF && (b & 0x3F) >= kPhonemeCount) return bad("pronunciation bytes");
    }
  }
  for (const auto& r : d.rhymes)
    if (r.word >= d.words.size() || r.pron >= d.prons.size()) return bad("rhyme record");
  for (const auto& e : d.exceptions)
    if (!str_ok(e.inflected) || !str_ok(e.base) || e.pos > 3) return bad("exception record");
  return ok();
}

// Probes bound their indexes themselves (key_index.hpp), so the tables are not walked: their
// layout is checked, and a few keys must be found where they are. That catches a table built
// with another hash function or for other records, which would otherwise find nothing.
Status check_key_tables(const LexiconData& d) {
  auto bad = [](std::string what) { return fail(ErrorCode::data_corrupt, "damaged " + what); };
  auto layout_ok = [](std::span<const std::uint64_t> slots, std::size_t count) {
    return std::has_single_bit(slots.size()) && slots.size() >= 2 * count;
  };
  if (!layout_ok(d.word_slots, d.words.size())) return bad("word table");
  if (!layout_ok(d.exception_slots, d.exceptions.size())) return bad("exception table");
  if (!d.words.empty())
    for (std::size_t i : {std::size_t{0}, d.words.size() / 2, d.words.size() - 1})
      if (d.find(d.key(static_cast<std::uint32_t>(i))) != i) return bad("word table (a word is not where it should be)");
  if (!d.exceptions.empty() && d.exception_bases(d.str(d.exceptions[0].inflected), static_cast<Pos>(d.exceptions[0].pos)).empty())
    return bad("exception table (an exception is not where it should be)");
  return ok();
}

}  // namespace

Status validate_and_bind(LexiconData& d, std::string_view origin) {
  auto bytes = d.file.bytes();
  auto corrupt = [&](std::string why) {
    return fail(ErrorCode::data_corrupt,
                std::string(origin) + " is not a usable lexicon artifact: " + why + " (rebuild it with `snai data build --force`)",
                std::string(origin));
  };
  if (bytes.size() < sizeof(format::Header))
    return corrupt("truncated (" + std::to_string(bytes.size()) + " bytes, smaller than the header)");
  d.header = reinterpret_cast<const format::Header*>(bytes.data());
  const auto& h = *d.header;
  if (std::memcmp(h.magic, format::kMagic, sizeof h.magic) != 0) return corrupt("wrong magic, not a lexicon file");
  if (h.byte_order != format::kByteOrderMark) return corrupt("written with another byte order");
  if (h.version != format::kVersion)
    return corrupt("format version " + std::to_string(h.version) + ", this program reads version " +
                   std::to_string(format::kVersion));
  if (h.header_size != sizeof(format::Header) || h.section_count != format::kSectionCount)
    return corrupt("unexpected header layout");
  if (h.file_size != bytes.size())
    return corrupt("truncated or padded: the header says " + std::to_string(h.file_size) + " bytes, the file has " +
                   std::to_string(bytes.size()));
  std::span<const char> strings;
  Status status = bind_section(strings, d, format::Section::strings, "strings");
  if (status) status = bind_section(d.words, d, format::Section::words, "words");
  if (status) status = bind_section(d.senses, d, format::Section::senses, "senses");
  if (status) status = bind_section(d.synsets, d, format::Section::synsets, "synsets");
  if (status) status = bind_section(d.synset_words, d, format::Section::synset_words, "synset_words");
  if (status) status = bind_section(d.examples, d, format::Section::examples, "examples");
  if (status) status = bind_section(d.pointers, d, format::Section::pointers, "pointers");
  if (status) status = bind_section(d.prons, d, format::Section::prons, "prons");
  if (status) status = bind_section(d.rhymes, d, format::Section::rhymes, "rhymes");
  if (status) status = bind_section(d.exceptions, d, format::Section::exceptions, "exceptions");
  if (status) status = bind_section(d.word_slots, d, format::Section::word_slots, "word_slots");
  if (status) status = bind_section(d.exception_slots, d, format::Section::exception_slots, "exception_slots");
  if (!status) return corrupt(status.error().message);
  d.strings = {strings.data(), strings.size()};
  if (auto records = check_records(d); !records) return corrupt(records.error().message);
  if (auto tables = check_key_tables(d); !tables) return corrupt(tables.error().message);
  return ok();
}

}  // namespace internal

Result<Lexicon> Lexicon::open(const std::filesystem::path& artifact) {
  auto data = std::make_unique<internal::LexiconData>();
  auto file = MappedFile::open(artifact, artifact.string());
  if (!file) {
    auto error = file.error();
    if (error.code == ErrorCode::not_found) error.message += " (build it with `snai data build`)";
    return fail(std::move(error));
  }
  data->file = std::move(*file);
  if (auto status = internal::validate_and_bind(*data, artifact.string()); !status) return fail(status.error());
  return Lexicon(std::move(data));
}

}  // namespace snai::lexicon
