#include "lexicon/cmudict_reader.hpp"

#include "lexicon/internal/text_file.hpp"

namespace snai::lexicon {
namespace {

// Tokens of the S-expression: "(", ")", a quoted string, or an atom.
class Tokens {
 public:
  explicit Tokens(std::string_view text) : text_(text) {}
  std::string_view next() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    if (pos_ >= text_.size()) return {};
    if (text_[pos_] == '(' || text_[pos_] == ')') return text_.substr(pos_++, 1);
    std::size_t start = pos_;
    if (text_[pos_] == '"') {
      std::size_t close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) return text_.substr(start);  // unterminated: caller rejects
      pos_ = close + 1;
      return text_.substr(start, pos_ - start);
    }
    while (pos_ < text_.size() && text_[pos_] != ' ' && text_[pos_] != '(' && text_[pos_] != ')') ++pos_;
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::unexpected<Error> bad(std::string message) { return fail(ErrorCode::data_corrupt, std::move(message)); }

}  // namespace

Result<CmudictEntry> parse_cmudict_line(std::string_view line) {
  Tokens tokens(line);
  CmudictEntry entry;
  if (tokens.next() != "(") return bad("expected '('");
  auto word = tokens.next();
  if (word.size() < 3 || word.front() != '"' || word.back() != '"') return bad("expected a quoted word");
  entry.word = word.substr(1, word.size() - 2);
  auto tag = tokens.next();
  entry.tag = tag == "nil" ? 0 : tag == "n" ? 1 : tag == "v" ? 2 : 3;
  if (tokens.next() != "(") return bad("expected the syllable list");
  for (;;) {
    auto t = tokens.next();
    if (t == ")") break;
    if (t != "(" || tokens.next() != "(") return bad("expected a syllable");
    std::size_t first = entry.pronunciation.phonemes.size();
    for (t = tokens.next(); t != ")"; t = tokens.next()) {
      if (t.empty() || t == "(") return bad("unterminated syllable");
      auto phoneme = parse_phoneme(t);
      if (!phoneme) return bad("unknown phoneme '" + std::string(t) + "'");
      entry.pronunciation.phonemes.push_back(*phoneme);
    }
    auto stress = tokens.next();
    if (stress.size() != 1 || stress[0] < '0' || stress[0] > '2' || tokens.next() != ")") return bad("bad stress");
    // The syllable's stress goes to its (first) vowel; other vowels stay unstressed.
    bool stressed = false;
    for (std::size_t i = first; i < entry.pronunciation.phonemes.size(); ++i) {
      auto& p = entry.pronunciation.phonemes[i];
      if (!p.is_vowel()) continue;
      p.stress = static_cast<std::int8_t>(stressed ? 0 : stress[0] - '0');
      stressed = true;
    }
    if (first > 0) entry.pronunciation.syllable_starts.push_back(static_cast<std::uint8_t>(first));
    else entry.pronunciation.syllable_starts.assign(1, 0);
    if (entry.pronunciation.phonemes.size() > 200) return bad("pronunciation too long");
  }
  if (entry.pronunciation.phonemes.empty()) return bad("no phonemes");
  if (tokens.next() != ")") return bad("expected ')'");
  return entry;
}

Result<std::vector<CmudictEntry>> read_cmudict(const std::filesystem::path& path) {
  std::vector<CmudictEntry> entries;
  auto status = internal::for_each_file_line(path, kCmudictPackage, [&](std::string_view line, std::size_t number) -> Status {
    if (line.empty() || line.front() != '(') return ok();  // the "MNCL" header and blank lines
    auto entry = parse_cmudict_line(line);
    if (!entry) return fail(internal::corrupt_input(path, number, entry.error().message, kCmudictPackage));
    entries.push_back(std::move(*entry));
    return ok();
  });
  if (!status) return fail(status.error());
  if (entries.empty()) return fail(internal::corrupt_input(path, 0, "no entries", kCmudictPackage));
  return entries;
}

}  // namespace snai::lexicon
