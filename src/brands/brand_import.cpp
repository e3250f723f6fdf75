#include "brands/brand_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <system_error>
#include <unordered_set>

#include "core/file_io.hpp"
#include "core/text.hpp"

namespace snai::brands {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxFileBytes = 512ull << 20;
constexpr std::size_t kMaxNameBytes = 200;

struct Row {
  std::vector<std::string> fields;
  int line = 0;         // where the row starts
  bool quoted = false;  // some field was quoted: "" is an empty name, not a blank line
};


std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// RFC 4180 rows: quoted fields may hold the separator, "" and line breaks.
Result<std::vector<Row>> parse_delimited(std::string_view text, char sep, const std::string& where) {
  std::vector<Row> rows;
  Row row{{}, 1};
  std::string field;
  bool quoted = false, was_quoted = false;
  int line = 1, quote_line = 0;
  auto end_field = [&] {
    row.fields.push_back(was_quoted ? field : std::string(trim(field)));
    row.quoted = row.quoted || was_quoted;
    field.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && trim(field).empty()) {
      quoted = was_quoted = true;
      quote_line = line;
      field.clear();
    } else if (c == sep) {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_field();
      rows.push_back(std::move(row));
      row = Row{{}, ++line};
    } else if (was_quoted) {
      if (c != ' ')
        return fail(ErrorCode::invalid_argument,
                    fmt::format("{}:{}: text after a closing quote (a quote inside a field must be doubled: \"\")",
                                where, line));
    } else {
      field += c;
    }
  }
  if (quoted)
    return fail(ErrorCode::invalid_argument, fmt::format("{}:{}: quote opened here is never closed", where, quote_line));
  if (!field.empty() || !row.fields.empty()) {
    end_field();
    rows.push_back(std::move(row));
  }
  std::erase_if(rows, [](const Row& r) {
    return !r.quoted && std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return f.empty(); });
  });
  return rows;
}

Status check_name(const std::string& name, const std::string& where, int line) {
  if (name.empty()) return fail(ErrorCode::invalid_argument, fmt::format("{}:{}: empty name", where, line));
  if (name.size() > kMaxNameBytes)
    return fail(ErrorCode::invalid_argument, fmt::format("{}:{}: name longer than {} bytes", where, line, kMaxNameBytes));
  if (name.find_first_of("\t\r\n|") != std::string::npos)
    return fail(ErrorCode::invalid_argument,
                fmt::format("{}:{}: name holds a tab, line break or '|', which a brands file cannot store", where, line));
  if (normalize_brand(name).empty())
    return fail(ErrorCode::invalid_argument, fmt::format("{}:{}: name \"{}\" has no letters or digits", where, line, name));
  return ok();
}

Result<std::vector<Brand>> read_json_list(const fs::path& file, std::string_view text, const std::string& where) {
  try {
    auto parsed = nlohmann::json::parse(text);
    (void)parsed;  // only the position of a syntax error matters here
  } catch (const nlohmann::json::parse_error& e) {
    auto upto = std::min<std::size_t>(e.byte, text.size());
    auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(upto), '\n');
    return fail(ErrorCode::invalid_argument, fmt::format("{}:{}: not valid JSON", where, line));
  }
  auto brands = read_simple_icons(file);
  if (!brands) return fail(ErrorCode::invalid_argument, brands.error().message);
  for (auto& b : *brands) b.source = file.filename().string();
  std::erase_if(*brands, [](const Brand& b) { return normalize_brand(b.name).empty(); });
  return brands;
}

}  // namespace

Result<std::vector<Brand>> read_brand_list(const fs::path& file) {
  const std::string where = file.string();
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec) return fail(ErrorCode::not_found, fmt::format("cannot read {}: {}", where, ec.message()), "file");
  if (size > kMaxFileBytes)
    return fail(ErrorCode::invalid_argument, fmt::format("{} is larger than {} MB", where, kMaxFileBytes >> 20), "file");
  auto read = read_file(file);
  if (!read) return fail(ErrorCode::not_found, fmt::format("cannot read {}", where), "file");
  std::string text = std::move(*read);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // spreadsheet exports start with a BOM
  if (text.find('\0') != std::string::npos)
    return fail(ErrorCode::invalid_argument, fmt::format("{} is a binary file, not a brand list", where), "file");

  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return fail(ErrorCode::invalid_argument, fmt::format("{} is empty", where), "file");
  auto ext = lower(file.extension().string());
  if (ext == ".json" || text[first] == '[' || text[first] == '{') return read_json_list(file, text, where);

  auto first_line = std::string_view(text).substr(0, text.find('\n'));
  char sep = first_line.find('\t') != std::string_view::npos ? '\t'
             : first_line.find(',') != std::string_view::npos ? ','
                                                               : '\n';
  constexpr char kWholeLine = '\x1f';  // a separator no text line holds: one field per line
  auto rows = parse_delimited(text, sep == '\n' ? kWholeLine : sep, where);
  if (!rows) return fail(rows.error());

  int name_column = -1;
  if (!rows->empty() && rows->front().line == 1)
    for (std::size_t i = 0; i < rows->front().fields.size(); ++i)
      if (lower(rows->front().fields[i]) == "name") name_column = static_cast<int>(i);
  bool table = name_column >= 0;
  if (!table && (ext == ".csv" || ext == ".tsv"))
    return fail(ErrorCode::invalid_argument,
                fmt::format("{}:1: the header row has no `name` column (found: {})", where, trim(first_line)), "file");
  if (!table && sep != '\n') {
    // No header: a plain list whose names may hold commas ("Acme, Inc.").
    rows = parse_delimited(text, kWholeLine, where);
    if (!rows) return fail(rows.error());
  }

  std::vector<Brand> brands;
  std::unordered_set<std::string> keys;
  const std::string source = file.filename().string();
  for (std::size_t r = table ? 1 : 0; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    std::string name;
    if (table) {
      if (static_cast<int>(row.fields.size()) <= name_column)
        return fail(ErrorCode::invalid_argument,
                    fmt::format("{}:{}: {} field(s), but `name` is column {}", where, row.line, row.fields.size(),
                                name_column + 1));
      name = row.fields[name_column];
    } else {
      name = row.fields.empty() ? std::string() : std::string(trim(row.fields.front()));
      if (name.starts_with('#')) continue;
    }
    if (auto valid = check_name(name, where, row.line); !valid) return fail(valid.error());
    if (keys.insert(normalize_brand(name)).second) brands.push_back({name, {}, source});
  }
  if (brands.empty()) return fail(ErrorCode::invalid_argument, fmt::format("{} lists no brands", where), "file");
  return brands;
}

Result<BrandImportSummary> import_brands(const fs::path& input, const fs::path& user_file) {
  auto incoming = read_brand_list(input);
  if (!incoming) return fail(incoming.error());

  std::vector<Brand> merged;
  std::error_code ec;
  if (fs::exists(user_file, ec)) {
    auto existing = BrandRegistry::load(user_file);
    if (!existing) return fail(existing.error());  // never overwrite a file we cannot read
    merged = existing->all();
  }
  std::unordered_set<std::string> keys;
  for (const auto& b : merged) keys.insert(normalize_brand(b.name));

  BrandImportSummary summary{.read = incoming->size()};
  for (auto& b : *incoming) {
    if (keys.insert(normalize_brand(b.name)).second) {
      merged.push_back(std::move(b));
      ++summary.added;
    } else {
      ++summary.already_listed;
    }
  }
  summary.total = merged.size();

  if (!user_file.parent_path().empty()) fs::create_directories(user_file.parent_path(), ec);
  if (ec)
    return fail(ErrorCode::unavailable, fmt::format("cannot create {}: {}", user_file.parent_path().string(), ec.message()));
  if (auto written = write_brands(merged, user_file); !written) return fail(written.error());
  return summary;
}

Result<BrandRegistry> load_brands_with_user(const fs::path& artifact, const fs::path& user_file) {
  auto base = BrandRegistry::load(artifact);
  if (!base) return fail(base.error());
  std::error_code ec;
  if (!fs::exists(user_file, ec)) return base;
  auto user = BrandRegistry::load(user_file);
  if (!user) return fail(user.error());
  auto brands = base->all();
  brands.insert(brands.end(), user->all().begin(), user->all().end());
  return BrandRegistry::from(std::move(brands));
}

}  // namespace snai::brands
