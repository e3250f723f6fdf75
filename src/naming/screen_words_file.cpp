#include "naming/screen_words_file.hpp"

#include "core/file_io.hpp"

#include <charconv>
#include <fmt/format.h>
#include <fstream>

namespace snai::naming {
namespace {

// Header, then one entry per line, lists in order (NameScreen::from_lists sees them as built):
//   k word | s word | f word | o word severe reason | n word reason   (tab-separated)
constexpr std::string_view kMagic = "snai-screen-words";
constexpr int kVersion = 1;

bool clean(std::string_view text) { return text.find_first_of("\t\n") == std::string_view::npos; }

template <class T>
bool parse_number(std::string_view text, T& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Status save_screen_words(const screening::ScreenWordLists& lists, const lexicon::Lexicon& lexicon,
                         const std::filesystem::path& path) {
  std::string out = fmt::format("{}\t{}\t{}\t{}\n", kMagic, kVersion, lexicon.source_fingerprint(), lexicon.built_unix_ms());
  auto words = [&](char tag, const std::vector<std::string>& list) {
    for (const auto& w : list) {
      if (!clean(w)) return false;
      out += tag;
      out += '\t';
      out += w;
      out += '\n';
    }
    return true;
  };
  bool ok_text = words('k', lists.known_words) && words('s', lists.segment_words) && words('f', lists.function_words);
  for (const auto& o : lists.offensive) {
    ok_text = ok_text && clean(o.word) && clean(o.reason);
    out += fmt::format("o\t{}\t{}\t{}\n", o.word, o.severe ? 1 : 0, o.reason);
  }
  for (const auto& n : lists.negative) {
    ok_text = ok_text && clean(n.word) && clean(n.reason);
    out += fmt::format("n\t{}\t{}\n", n.word, n.reason);
  }
  if (!ok_text) return fail(ErrorCode::invalid_argument, "a screen word holds a tab or a newline");
  return write_file_atomically(path, out);
}

Result<screening::ScreenWordLists> load_screen_words(const std::filesystem::path& path, const lexicon::Lexicon& lexicon) {
  auto read = read_artifact(path, "the screen word lists");
  if (!read) return fail(read.error());
  const std::string& text = *read;
  auto corrupt = [&](std::size_t line) {
    return fail(ErrorCode::data_corrupt,
                fmt::format("{} line {} is damaged: rebuild it with `snai data build --force`", path.string(), line));
  };
  std::string_view rest = text;
  auto next_line = [&](std::string_view& line) {
    auto end = rest.find('\n');
    if (end == std::string_view::npos) return false;
    line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return true;
  };
  // Splits `line` at tabs into exactly `n` fields.
  auto fields = [](std::string_view line, std::string_view* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      auto tab = line.find('\t');
      if ((tab == std::string_view::npos) != (i + 1 == n)) return false;
      out[i] = line.substr(0, tab);
      if (tab != std::string_view::npos) line.remove_prefix(tab + 1);
    }
    return true;
  };
  std::string_view line, f[4];
  std::uint64_t fingerprint = 0;
  std::int64_t built = 0;
  int version = 0;
  if (!next_line(line) || !fields(line, f, 4) || f[0] != kMagic || !parse_number(f[1], version) || version != kVersion ||
      !parse_number(f[2], fingerprint) || !parse_number(f[3], built))
    return corrupt(1);
  if (fingerprint != lexicon.source_fingerprint() || built != lexicon.built_unix_ms())
    return fail(ErrorCode::failed_precondition, fmt::format("{} was built from another lexicon", path.string()));
  screening::ScreenWordLists lists;
  for (std::size_t n = 2; next_line(line); ++n) {
    if (line.size() < 2 || line[1] != '\t') return corrupt(n);
    std::string_view body = line.substr(2);
    switch (line[0]) {
      case 'k': lists.known_words.emplace_back(body); break;
      case 's': lists.segment_words.emplace_back(body); break;
      case 'f': lists.function_words.emplace_back(body); break;
      case 'o':
        if (!fields(body, f, 3) || (f[1] != "0" && f[1] != "1")) return corrupt(n);
        lists.offensive.push_back({std::string(f[0]), f[1] == "1", std::string(f[2])});
        break;
      case 'n':
        if (!fields(body, f, 2)) return corrupt(n);
        lists.negative.push_back({std::string(f[0]), std::string(f[1])});
        break;
      default: return corrupt(n);
    }
  }
  if (!rest.empty()) return corrupt(0);
  return lists;
}

}  // namespace snai::naming
