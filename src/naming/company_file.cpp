#include "naming/company_file.hpp"

#include "core/file_io.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "core/text.hpp"
#include "core/utf8.hpp"

namespace snai::naming {

namespace {

std::string lower_trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// One record's fields. CSV quotes may span lines: `pos` advances past the whole record.
Result<std::vector<std::string>> read_record(std::string_view text, std::size_t& pos, char separator, int line,
                                             std::string_view source) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  while (pos < text.size()) {
    char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        fields.back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"' && separator == ',' && fields.back().empty()) {
      quoted = true;
    } else if (c == separator) {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) return fail(ErrorCode::invalid_argument, fmt::format("{}:{}: unterminated quote", source, line), "file");
  for (auto& f : fields) {
    while (!f.empty() && f.back() == ' ') f.pop_back();
    while (!f.empty() && f.front() == ' ') f.erase(f.begin());
  }
  return fields;
}

}  // namespace

Result<std::vector<Company>> parse_companies(std::string_view text, std::string_view source) {
  if (!is_valid_utf8(text)) return fail(ErrorCode::invalid_argument, fmt::format("{}: not valid UTF-8", source), "file");
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark from spreadsheet exports
  std::size_t first_line_end = text.find('\n');
  std::string_view header_line = text.substr(0, first_line_end);
  char separator = header_line.find('\t') != std::string_view::npos ? '\t' : ',';
  std::size_t pos = 0;
  int line = 1;
  auto header = read_record(text, pos, separator, line, source);
  if (!header) return fail(header.error());
  int name_col = -1, description_col = -1, industry_col = -1, year_col = -1;
  for (std::size_t i = 0; i < header->size(); ++i) {
    std::string column = lower_trimmed((*header)[i]);
    if (column == "name") name_col = int(i);
    if (column == "description") description_col = int(i);
    if (column == "industry") industry_col = int(i);
    if (column == "year") year_col = int(i);
  }
  if (name_col < 0)
    return fail(ErrorCode::invalid_argument, fmt::format("{}:1: the header has no `name` column", source), "file");
  std::vector<Company> out;
  while (pos < text.size()) {
    int record_line = ++line;
    std::size_t start = pos;
    auto fields = read_record(text, pos, separator, record_line, source);
    if (!fields) return fail(fields.error());
    line += int(std::count(text.begin() + std::ptrdiff_t(start), text.begin() + std::ptrdiff_t(pos), '\n')) - 1;
    if (fields->size() == 1 && (*fields)[0].empty()) continue;  // blank line
    auto at = [&](int col) { return col >= 0 && std::size_t(col) < fields->size() ? (*fields)[std::size_t(col)] : ""; };
    Company c{.name = at(name_col), .description = at(description_col), .industry = at(industry_col)};
    if (c.name.empty())
      return fail(ErrorCode::invalid_argument, fmt::format("{}:{}: empty name", source, record_line), "file");
    if (std::string year = at(year_col); !year.empty()) {
      int value = 0;
      auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), value);
      if (ec != std::errc() || end != year.data() + year.size())
        return fail(ErrorCode::invalid_argument, fmt::format("{}:{}: year \"{}\" is not a number", source, record_line, year),
                    "file");
      c.year = value;
    }
    out.push_back(std::move(c));
  }
  return out;
}

namespace {

Result<std::string> read_text(const std::filesystem::path& file) {
  auto text = read_file(file);
  if (!text && text.error().code == ErrorCode::not_found)
    return fail(ErrorCode::not_found, fmt::format("cannot open {}", file.string()), "file");
  if (!text) return fail(ErrorCode::unavailable, text.error().message, "file");
  return text;
}

// A header line with a `name` column among tab- or comma-separated ones.
bool has_name_header(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  if (first.find('\t') == std::string_view::npos && first.find(',') == std::string_view::npos) return false;
  std::string lower(first);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (std::string_view sep : {"\t", ","}) {
    std::size_t at = 0;
    for (std::size_t next; at <= lower.size(); at = next + 1) {
      next = std::min(lower.find(sep, at), lower.size());
      std::string_view cell = std::string_view(lower).substr(at, next - at);
      while (!cell.empty() && (cell.back() == '\r' || cell.back() == ' ' || cell.back() == '"')) cell.remove_suffix(1);
      while (!cell.empty() && (cell.front() == ' ' || cell.front() == '"')) cell.remove_prefix(1);
      if (cell == "name") return true;
    }
  }
  return false;
}

}  // namespace

Result<std::vector<Company>> read_companies(const std::filesystem::path& file) {
  auto text = read_text(file);
  if (!text) return fail(text.error());
  return parse_companies(*text, file.string());
}

Result<std::vector<std::string>> parse_names(std::string_view text, std::string_view source) {
  std::vector<std::string> names;
  if (has_name_header(text)) {
    auto companies = parse_companies(text, source);
    if (!companies) return fail(companies.error());
    for (auto& c : *companies) names.push_back(std::move(c.name));
    return names;
  }
  if (!is_valid_utf8(text)) return fail(ErrorCode::invalid_argument, fmt::format("{}: not valid UTF-8", source), "file");
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);)
    if (auto name = trim(line); !name.empty()) names.emplace_back(name);
  return names;
}

Result<std::vector<std::string>> read_names(const std::filesystem::path& file) {
  auto text = read_text(file);
  if (!text) return fail(text.error());
  return parse_names(*text, file.string());
}

}  // namespace snai::naming
