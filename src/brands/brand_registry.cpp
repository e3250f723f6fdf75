#include "brands/brand_registry.hpp"

#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/file_io.hpp"

namespace snai::brands {
namespace {

constexpr std::string_view kHeader = "snai-brands\t1";

// Latin-1 supplement and common Latin Extended-A letters folded to ASCII (é → e, ß → ss).
std::string_view fold(char32_t cp) {
  static const std::unordered_map<char32_t, std::string_view> table = {
      {U'à', "a"}, {U'á', "a"}, {U'â', "a"}, {U'ã', "a"}, {U'ä', "a"}, {U'å', "a"}, {U'æ', "ae"}, {U'ç', "c"},
      {U'è', "e"}, {U'é', "e"}, {U'ê', "e"}, {U'ë', "e"}, {U'ì', "i"}, {U'í', "i"}, {U'î', "i"}, {U'ï', "i"},
      {U'ñ', "n"}, {U'ò', "o"}, {U'ó', "o"}, {U'ô', "o"}, {U'õ', "o"}, {U'ö', "o"}, {U'ø', "o"}, {U'ù', "u"},
      {U'ú', "u"}, {U'û', "u"}, {U'ü', "u"}, {U'ý', "y"}, {U'ÿ', "y"}, {U'ß', "ss"}, {U'œ', "oe"}, {U'š', "s"},
      {U'ž', "z"}, {U'č', "c"}, {U'ł', "l"}, {U'ś', "s"}, {U'ź', "z"}, {U'ż', "z"}, {U'ń', "n"}, {U'ę', "e"},
      {U'ą', "a"}, {U'ğ', "g"}, {U'ı', "i"}, {U'ş', "s"}};
  if (cp >= U'À' && cp <= U'Þ' && cp != U'×') cp += 0x20;  // upper-case Latin-1 letters to lower
  auto it = table.find(cp);
  return it == table.end() ? std::string_view() : it->second;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void add_alias_values(const nlohmann::json& node, std::vector<std::string>& out) {
  if (node.is_string()) out.push_back(node.get<std::string>());
  else if (node.is_array())
    for (const auto& item : node) add_alias_values(item, out);
  else if (node.is_object()) {
    if (node.contains("title")) add_alias_values(node["title"], out);  // "dup": [{title, hex}]
    else
      for (const auto& [key, value] : node.items()) add_alias_values(value, out);  // "loc": {lang: name}
  }
}

bool clean_field(std::string_view s) { return s.find_first_of("\t\n\r|") == std::string_view::npos; }

}  // namespace

std::string normalize_brand(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    unsigned char c = name[i];
    if (c < 0x80) {
      if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence; unknown or malformed ones are dropped.
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 1;
    char32_t cp = len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (int k = 1; k < len && i + k < name.size(); ++k) cp = (cp << 6) | (name[i + k] & 0x3f);
    out += fold(cp);
    i += len;
  }
  return out;
}

Result<std::vector<Brand>> read_simple_icons(const std::filesystem::path& json_file) {
  std::ifstream in(json_file);
  if (!in)
    return fail(ErrorCode::not_found,
                fmt::format("cannot read {} (npm package simple-icons: run scripts/install-deps.sh)", json_file.string()));
  auto data = nlohmann::json::parse(in, nullptr, false);
  if (data.is_object() && data.contains("icons")) data = data["icons"];  // older simple-icons layout
  if (data.is_discarded() || !data.is_array())
    return fail(ErrorCode::data_corrupt, fmt::format("{} is not the simple-icons JSON array", json_file.string()));
  std::vector<Brand> brands;
  for (const auto& icon : data) {
    if (!icon.is_object() || !icon.contains("title") || !icon["title"].is_string()) continue;
    Brand b{icon["title"].get<std::string>(), {}, "simple-icons"};
    if (icon.contains("aliases")) add_alias_values(icon["aliases"], b.aliases);
    std::erase_if(b.aliases, [&](const std::string& a) { return a.empty() || a == b.name || !clean_field(a); });
    if (clean_field(b.name)) brands.push_back(std::move(b));
  }
  if (brands.empty()) return fail(ErrorCode::data_corrupt, fmt::format("{} lists no brands", json_file.string()));
  return brands;
}

Status write_brands(const std::vector<Brand>& brands, const std::filesystem::path& out_file) {
  std::string text = std::string(kHeader) + "\n";
  for (const auto& b : brands) {
    std::string aliases;
    for (const auto& a : b.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    text += fmt::format("{}\t{}\t{}\n", b.name, b.source, aliases);
  }
  return write_file_atomically(out_file, text);
}

BrandRegistry BrandRegistry::from(std::vector<Brand> brands) {
  BrandRegistry registry;
  registry.brands_ = std::move(brands);
  for (std::size_t i = 0; i < registry.brands_.size(); ++i) {
    const auto& b = registry.brands_[i];
    if (auto key = normalize_brand(b.name); !key.empty()) registry.by_key_.emplace(key, i);
    for (const auto& a : b.aliases)
      if (auto key = normalize_brand(a); !key.empty()) registry.by_key_.emplace(key, i);
  }
  return registry;
}

Result<BrandRegistry> BrandRegistry::load(const std::filesystem::path& artifact) {
  std::ifstream in(artifact);
  if (!in)
    return fail(ErrorCode::not_found, fmt::format("brand registry {} is missing: run `snai data build`", artifact.string()));
  std::string line;
  if (!std::getline(in, line) || line != kHeader)
    return fail(ErrorCode::data_corrupt,
                fmt::format("{} is not a brand registry of this version: run `snai data build --force`", artifact.string()));
  std::vector<Brand> brands;
  for (int number = 2; std::getline(in, line); ++number) {
    auto fields = split(line, '\t');
    if (fields.size() != 3 || fields[0].empty())
      return fail(ErrorCode::data_corrupt, fmt::format("{}:{}: malformed line", artifact.string(), number));
    Brand b{fields[0], {}, fields[1]};
    if (!fields[2].empty()) b.aliases = split(fields[2], '|');
    brands.push_back(std::move(b));
  }
  return from(std::move(brands));
}

const Brand* BrandRegistry::find(std::string_view name) const {
  auto it = by_key_.find(normalize_brand(name));
  return it == by_key_.end() ? nullptr : &brands_[it->second];
}

}  // namespace snai::brands
