#include "lexicon/wordnet_reader.hpp"

#include <charconv>

#include "lexicon/internal/text_file.hpp"
#include "core/text.hpp"

namespace snai::lexicon {
namespace {

constexpr std::array<std::string_view, 4> kPosFileNames = {"noun", "verb", "adj", "adv"};

// Splits on single spaces, skipping empty fields.
class Fields {
 public:
  explicit Fields(std::string_view text) : text_(text) {}
  bool next(std::string_view& field) {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.find(' ', pos_);
    if (end == std::string_view::npos) end = text_.size();
    field = text_.substr(pos_, end - pos_);
    pos_ = end;
    return true;
  }
  std::string_view rest() const { return pos_ < text_.size() ? text_.substr(pos_) : std::string_view{}; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

template <class T>
bool parse_number(std::string_view field, T& value, int base = 10) {
  auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), value, base);
  return ec == std::errc{} && ptr == field.data() + field.size();
}

std::unexpected<Error> bad(std::string message) { return fail(ErrorCode::data_corrupt, std::move(message)); }


}  // namespace

std::uint32_t WordnetData::tag_count(std::string_view lemma, Pos pos, std::size_t sense_number) const {
  std::string key(lemma);
  key += '%';
  key += wordnet_letter(pos);
  key += std::to_string(sense_number);
  auto it = tag_counts.find(key);
  return it == tag_counts.end() ? 0 : it->second;
}

std::pair<std::string, std::vector<std::string>> split_gloss(std::string_view gloss) {
  std::string definition;
  std::vector<std::string> examples;
  std::size_t pos = 0;
  while (pos <= gloss.size()) {
    std::size_t end = gloss.find("; ", pos);
    if (end == std::string_view::npos) end = gloss.size();
    std::string_view part = trim(gloss.substr(pos, end - pos), " \r");
    if (!part.empty() && part.front() == '"') {
      std::size_t close = part.find('"', 1);
      examples.emplace_back(part.substr(1, close == std::string_view::npos ? part.size() - 1 : close - 1));
    } else if (!part.empty()) {
      if (!definition.empty()) definition += "; ";
      definition += part;
    }
    pos = end + 2;
  }
  return {std::move(definition), std::move(examples)};
}

Result<WordnetSynset> parse_wordnet_data_line(std::string_view line) {
  WordnetSynset synset;
  std::size_t bar = line.find(" | ");
  std::string_view head = bar == std::string_view::npos ? line : line.substr(0, bar);
  Fields fields(head);
  std::string_view f;
  if (!fields.next(f) || !parse_number(f, synset.offset)) return bad("bad synset offset");
  if (!fields.next(f) || !parse_number(f, synset.lex_filenum) || synset.lex_filenum > 44)
    return bad("bad lexicographer file number");
  if (!fields.next(f) || f.size() != 1 || !parse_pos(f)) return bad("bad synset type");
  synset.pos = *parse_pos(f);
  synset.satellite = f == "s";
  unsigned word_count = 0;
  if (!fields.next(f) || !parse_number(f, word_count, 16) || word_count == 0) return bad("bad word count");
  for (unsigned i = 0; i < word_count; ++i) {
    std::string_view word, lex_id;
    if (!fields.next(word) || !fields.next(lex_id)) return bad("truncated word list");
    if (auto paren = word.find('('); paren != std::string_view::npos && synset.pos == Pos::adjective)
      word = word.substr(0, paren);  // adjective position markers: (a), (p), (ip)
    synset.words.emplace_back(word);
  }
  unsigned pointer_count = 0;
  if (!fields.next(f) || !parse_number(f, pointer_count)) return bad("bad pointer count");
  for (unsigned i = 0; i < pointer_count; ++i) {
    std::string_view symbol, offset, pos, source_target;
    if (!fields.next(symbol) || !fields.next(offset) || !fields.next(pos) || !fields.next(source_target))
      return bad("truncated pointer list");
    WordnetPointer pointer;
    unsigned st = 0;
    if (!parse_number(offset, pointer.target_offset) || pos.size() != 1 || !parse_pos(pos) ||
        source_target.size() != 4 || !parse_number(source_target, st, 16))
      return bad("bad pointer");
    pointer.target_pos = *parse_pos(pos);
    pointer.source_word = static_cast<std::uint8_t>(st >> 8);
    pointer.target_word = static_cast<std::uint8_t>(st & 0xFF);
    auto relation = relation_from_pointer_symbol(symbol);
    if (!relation) continue;  // a pointer type this code does not know: skip it, keep the rest
    pointer.relation = *relation;
    synset.pointers.push_back(pointer);
  }
  // Verb frames ("f_cnt + f_num w_num ...") follow for verbs; the lexicon does not use them.
  if (bar != std::string_view::npos) {
    auto [definition, examples] = split_gloss(trim(line.substr(bar + 3), " \r"));
    synset.definition = std::move(definition);
    synset.examples = std::move(examples);
  }
  return synset;
}

Result<WordnetIndexEntry> parse_wordnet_index_line(std::string_view line) {
  WordnetIndexEntry entry;
  Fields fields(line);
  std::string_view f;
  if (!fields.next(f)) return bad("empty index line");
  entry.lemma = f;
  if (!fields.next(f) || !parse_pos(f)) return bad("bad part of speech");
  entry.pos = *parse_pos(f);
  unsigned synset_count = 0, pointer_count = 0, sense_count = 0, tagged = 0;
  if (!fields.next(f) || !parse_number(f, synset_count) || synset_count == 0) return bad("bad synset count");
  if (!fields.next(f) || !parse_number(f, pointer_count)) return bad("bad pointer count");
  for (unsigned i = 0; i < pointer_count; ++i)
    if (!fields.next(f)) return bad("truncated pointer symbols");
  if (!fields.next(f) || !parse_number(f, sense_count) || !fields.next(f) || !parse_number(f, tagged))
    return bad("bad sense counts");
  for (unsigned i = 0; i < synset_count; ++i) {
    std::uint32_t offset = 0;
    if (!fields.next(f) || !parse_number(f, offset)) return bad("truncated synset offsets");
    entry.offsets.push_back(offset);
  }
  return entry;
}

Result<WordnetData> read_wordnet(const std::filesystem::path& dir, const std::function<void(double)>& progress) {
  WordnetData data;
  const double steps = 4 * 3 + 1;
  double done = 0;
  auto step = [&] {
    if (progress) progress(++done / steps);
  };
  for (Pos pos : kAllPos) {
    auto name = kPosFileNames[static_cast<int>(pos)];
    // data.<pos>: synsets. Lines that start with two spaces are the licence.
    auto data_path = dir / ("data." + std::string(name));
    auto& synsets = data.synsets[static_cast<int>(pos)];
    auto status = internal::for_each_file_line(data_path, kWordnetPackage, [&](std::string_view line, std::size_t number) -> Status {
      if (line.empty() || line.starts_with("  ")) return ok();
      auto synset = parse_wordnet_data_line(line);
      if (!synset) return fail(internal::corrupt_input(data_path, number, synset.error().message, kWordnetPackage));
      synsets.push_back(std::move(*synset));
      return ok();
    });
    if (!status) return fail(status.error());
    if (synsets.empty()) return fail(internal::corrupt_input(data_path, 0, "no synsets", kWordnetPackage));
    step();

    auto index_path = dir / ("index." + std::string(name));
    status = internal::for_each_file_line(index_path, kWordnetPackage, [&](std::string_view line, std::size_t number) -> Status {
      if (line.empty() || line.starts_with("  ")) return ok();
      auto entry = parse_wordnet_index_line(line);
      if (!entry) return fail(internal::corrupt_input(index_path, number, entry.error().message, kWordnetPackage));
      if (entry->pos != pos) return fail(internal::corrupt_input(index_path, number, "wrong part of speech", kWordnetPackage));
      data.index.push_back(std::move(*entry));
      return ok();
    });
    if (!status) return fail(status.error());
    step();

    auto exc_path = dir / (std::string(name) + ".exc");
    status = internal::for_each_file_line(exc_path, kWordnetPackage, [&](std::string_view line, std::size_t number) -> Status {
      Fields fields(line);
      std::string_view inflected, base;
      if (!fields.next(inflected)) return ok();
      if (!fields.next(base)) return fail(internal::corrupt_input(exc_path, number, "no base form", kWordnetPackage));
      do data.exceptions.push_back({std::string(inflected), std::string(base), pos});
      while (fields.next(base));
      return ok();
    });
    if (!status) return fail(status.error());
    step();
  }

  // cntlist.rev: "sense_key sense_number tag_cnt"; sense_key = lemma%ss_type:lex_filenum:...
  auto cnt_path = dir / "cntlist.rev";
  auto status = internal::for_each_file_line(cnt_path, kWordnetPackage, [&](std::string_view line, std::size_t number) -> Status {
    Fields fields(line);
    std::string_view key, sense, count;
    if (!fields.next(key)) return ok();
    std::uint32_t tag_count = 0;
    std::size_t percent = key.find('%');
    if (!fields.next(sense) || !fields.next(count) || !parse_number(count, tag_count) ||
        percent == std::string_view::npos || percent + 1 >= key.size())
      return fail(internal::corrupt_input(cnt_path, number, "bad tag count line", kWordnetPackage));
    char ss_type = key[percent + 1];
    static constexpr char kLetters[] = "nvara";  // ss_type 1..5: noun verb adj adv satellite(adj)
    if (ss_type < '1' || ss_type > '5') return ok();
    char letter = kLetters[ss_type - '1'];
    std::string map_key(key.substr(0, percent));
    map_key += '%';
    map_key += letter;
    map_key += sense;
    data.tag_counts[std::move(map_key)] += tag_count;
    return ok();
  });
  if (!status) return fail(status.error());
  step();
  return data;
}

}  // namespace snai::lexicon
