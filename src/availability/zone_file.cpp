#include "availability/zone_file.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fcntl.h>
#include <fmt/format.h>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace snai::availability {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "3600" or BIND's "1h30m".
bool is_ttl(std::string_view t) {
  if (t.empty() || !is_digit(t[0])) return false;
  for (char c : t)
    if (!is_digit(c) && std::string_view("smhdwSMHDW").find(c) == std::string_view::npos) return false;
  return true;
}

bool is_class(std::string_view t) {
  return iequals(t, "IN") || iequals(t, "CH") || iequals(t, "HS") || iequals(t, "CS");
}

// Types a registry zone may carry; anything else (but TYPEnnn) means the line is not a record.
constexpr std::array<std::string_view, 40> kKnownTypes = {
    "A",      "AAAA",   "NS",     "DS",         "SOA",     "CNAME",  "MX",     "TXT",   "RRSIG", "NSEC",
    "NSEC3",  "NSEC3PARAM", "DNSKEY", "CAA",    "SRV",     "PTR",    "HINFO",  "NAPTR", "TLSA",  "SSHFP",
    "CDS",    "CDNSKEY", "ZONEMD", "SVCB",      "HTTPS",   "SPF",    "LOC",    "DNAME", "URI",   "OPENPGPKEY",
    "SMIMEA", "CSYNC",  "RP",     "AFSDB",      "KEY",     "SIG",    "NXT",    "CERT",  "DLV",   "EUI48"};

bool is_known_type(std::string_view t) {
  if (t.size() > 4 && iequals(t.substr(0, 4), "TYPE"))
    return std::all_of(t.begin() + 4, t.end(), is_digit);
  return std::any_of(kKnownTypes.begin(), kKnownTypes.end(), [&](std::string_view k) { return iequals(t, k); });
}

// Index of the first '.' in `name` that is not escaped by a backslash, or npos.
std::size_t unescaped_dot(std::string_view name) {
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\\') {
      ++i;
      continue;
    }
    if (name[i] == '.') return i;
  }
  return std::string_view::npos;
}

bool ends_with_unescaped_dot(std::string_view name) {
  if (name.empty() || name.back() != '.') return false;
  std::size_t backslashes = 0;
  for (std::size_t i = name.size() - 1; i > 0 && name[i - 1] == '\\'; --i) ++backslashes;
  return backslashes % 2 == 0;
}

// `\DDD` is a byte in decimal, `\X` is X.
std::string decode_escapes(std::string_view label) {
  std::string out;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] != '\\' || i + 1 == label.size()) {
      out += label[i];
    } else if (i + 3 < label.size() && is_digit(label[i + 1]) && is_digit(label[i + 2]) &&
               is_digit(label[i + 3])) {
      out += lower(static_cast<char>((label[i + 1] - '0') * 100 + (label[i + 2] - '0') * 10 + (label[i + 3] - '0')));
      i += 3;
    } else {
      out += label[++i];
    }
  }
  return out;
}

class ZoneParser {
 public:
  ZoneParser(std::string_view text, std::string_view tld, const DelegationSink& sink, const ZoneProgress& progress)
      : text_(text), sink_(sink), progress_(progress) {
    apex_.reserve(tld.size() + 1);
    for (char c : tld) apex_ += lower(c);
    apex_ += '.';
    suffix_ = "." + apex_;
    origin_ = apex_;
    tokens_.reserve(16);
  }

  Result<ZoneFileStats> run() {
    for (;;) {
      auto more = next_record();
      if (!more) return fail(more.error());
      if (!*more) break;
      if (auto done = handle_record(); !done) return fail(done.error());
      if (progress_ && (stats_.records & 0xFFFFF) == 0)
        progress_(static_cast<double>(pos_) / static_cast<double>(std::max<std::size_t>(text_.size(), 1)));
    }
    stats_.lines = line_ - (text_.empty() || text_.back() == '\n' ? 1 : 0);
    if (progress_) progress_(1.0);
    return stats_;
  }

 private:
  std::unexpected<Error> error_at(std::uint64_t line, const std::string& what) const {
    return fail(ErrorCode::invalid_argument, fmt::format("zone file line {}: {}", line, what), "file");
  }

  // Collects the tokens of one logical record (parentheses join lines). False at end of text.
  Result<bool> next_record() {
    tokens_.clear();
    int depth = 0;
    std::uint64_t open_line = 0;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') {
        ++line_;
        line_begin_ = ++pos_;
        if (depth == 0 && !tokens_.empty()) return true;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
        continue;
      }
      if (c == ';') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        continue;
      }
      if (tokens_.empty() && depth == 0) {
        record_line_ = line_;
        blank_owner_ = pos_ != line_begin_;
      }
      if (c == '(') {
        if (depth++ == 0) open_line = line_;
        ++pos_;
        continue;
      }
      if (c == ')') {
        if (depth == 0) return error_at(line_, "')' without a matching '('");
        --depth;
        ++pos_;
        continue;
      }
      if (c == '"') {
        std::size_t start = ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\n') pos_ += text_[pos_] == '\\' ? 2 : 1;
        if (pos_ >= text_.size() || text_[pos_] != '"') return error_at(line_, "unterminated quoted string");
        tokens_.push_back(text_.substr(start, pos_ - start));
        ++pos_;
        continue;
      }
      std::size_t start = pos_;
      while (pos_ < text_.size()) {
        char d = text_[pos_];
        if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == ';' || d == '(' || d == ')' || d == '"') break;
        if (static_cast<unsigned char>(d) < 0x20 || d == 0x7f)
          return error_at(line_, fmt::format("control character 0x{:02x} (not a text zone file?)",
                                             static_cast<unsigned char>(d)));
        pos_ += (d == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] != '\n') ? 2 : 1;
      }
      if (pos_ == start)  // a lone control character
        return error_at(line_, fmt::format("control character 0x{:02x} (not a text zone file?)",
                                           static_cast<unsigned char>(c)));
      tokens_.push_back(text_.substr(start, pos_ - start));
    }
    if (depth != 0) return error_at(open_line, "'(' is never closed");
    return !tokens_.empty();
  }

  // Absolute, lower-case form of a (possibly relative) name, checked for label and name length.
  Status absolute_name(std::string_view token, std::string& out) {
    out.clear();
    if (token == "@") {
      out = origin_;
      return ok();
    }
    out.reserve(token.size() + origin_.size() + 1);
    for (char c : token) out += lower(c);
    if (!ends_with_unescaped_dot(token)) {
      if (origin_ != ".") out += '.';
      out += origin_;
    }
    if (out.size() > 255) return error_at(record_line_, fmt::format("name '{}' is longer than 255 octets", out));
    std::string_view rest(out);
    if (rest == ".") return ok();
    while (!rest.empty()) {
      std::size_t dot = unescaped_dot(rest);
      if (dot == 0) return error_at(record_line_, fmt::format("empty label in name '{}'", out));
      std::size_t length = dot == std::string_view::npos ? rest.size() : dot;
      if (length > 63 && decode_escapes(rest.substr(0, length)).size() > 63)
        return error_at(record_line_, fmt::format("label in '{}' is longer than 63 octets", out));
      rest.remove_prefix(dot == std::string_view::npos ? rest.size() : dot + 1);
    }
    return ok();
  }

  Status handle_record() {
    std::string_view first = tokens_[0];
    if (!blank_owner_ && first.front() == '$') return handle_directive();
    std::size_t i = 0;
    if (!blank_owner_) {
      if (auto st = absolute_name(first, owner_); !st) return st;
      have_owner_ = true;
      i = 1;
    } else if (!have_owner_) {
      return error_at(record_line_, "record starts with blank space but no owner name came before it");
    }
    for (int skipped = 0; i < tokens_.size() && skipped < 2 && (is_ttl(tokens_[i]) || is_class(tokens_[i]));
         ++skipped)
      ++i;
    if (i >= tokens_.size()) return error_at(record_line_, "record has no type");
    std::string_view type = tokens_[i];
    std::size_t rdata = tokens_.size() - i - 1;
    ++stats_.records;
    if (iequals(type, "NS")) {
      ++stats_.ns_records;
      if (rdata != 1) return error_at(record_line_, "NS record needs exactly one name server");
      handle_ns();
      return ok();
    }
    if (!is_known_type(type)) return error_at(record_line_, fmt::format("unknown record type '{}'", type));
    if (iequals(type, "SOA")) {
      if (rdata != 7) return error_at(record_line_, "SOA record needs 7 fields");
      if (owner_ != apex_)
        return error_at(record_line_, fmt::format("the zone's SOA is for '{}', not '{}' (check --tld)", owner_, apex_));
    }
    ++stats_.skipped;
    return ok();
  }

  void handle_ns() {
    std::string_view owner(owner_);
    if (owner.size() <= suffix_.size() || owner.substr(owner.size() - suffix_.size()) != suffix_) {
      ++stats_.skipped;  // the apex's own NS set, or a name outside the zone
      return;
    }
    std::string_view label = owner.substr(0, owner.size() - suffix_.size());
    if (unescaped_dot(label) != std::string_view::npos) {
      ++stats_.skipped;  // deeper than second level
      return;
    }
    ++stats_.delegations;
    if (label.find('\\') == std::string_view::npos) {
      sink_(label);
    } else {
      sink_(decode_escapes(label));
    }
  }

  Status handle_directive() {
    std::string_view name = tokens_[0];
    if (iequals(name, "$ORIGIN")) {
      if (tokens_.size() != 2) return error_at(record_line_, "$ORIGIN needs one name");
      std::string next;
      if (auto st = absolute_name(tokens_[1], next); !st) return st;
      origin_ = next;
      return ok();
    }
    if (iequals(name, "$TTL")) {
      if (tokens_.size() != 2 || !is_ttl(tokens_[1])) return error_at(record_line_, "$TTL needs one time value");
      return ok();
    }
    if (iequals(name, "$INCLUDE"))
      return error_at(record_line_, "$INCLUDE is not supported (registry zone files are one file)");
    return error_at(record_line_, fmt::format("unknown directive '{}'", name));
  }

  std::string_view text_;
  const DelegationSink& sink_;
  const ZoneProgress& progress_;
  std::string apex_, suffix_, origin_, owner_;
  bool have_owner_ = false;
  bool blank_owner_ = false;
  std::size_t pos_ = 0, line_begin_ = 0;
  std::uint64_t line_ = 1, record_line_ = 1;
  std::vector<std::string_view> tokens_;
  ZoneFileStats stats_;
};

}  // namespace

Result<ZoneFileStats> parse_zone_text(std::string_view text, std::string_view tld, const DelegationSink& sink,
                                      const ZoneProgress& progress) {
  if (tld.empty() || tld.front() == '.' || tld.back() == '.')
    return fail(ErrorCode::invalid_argument, fmt::format("bad TLD '{}': give it without dots, e.g. com", tld), "tld");
  if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0x1f && static_cast<unsigned char>(text[1]) == 0x8b)
    return fail(ErrorCode::invalid_argument, "the zone file is gzip-compressed: gunzip it first", "file");
  return ZoneParser(text, tld, sink, progress).run();
}

Result<ZoneFileStats> read_zone_file(const std::filesystem::path& file, std::string_view tld,
                                     const DelegationSink& sink, const ZoneProgress& progress) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(ErrorCode::not_found, fmt::format("cannot open zone file {}", file.string()), "file");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(ErrorCode::invalid_argument, fmt::format("{} is not a regular file", file.string()), "file");
  }
  auto size = static_cast<std::size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return parse_zone_text({}, tld, sink, progress);
  }
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (data == MAP_FAILED) return fail(ErrorCode::unavailable, fmt::format("cannot map {}", file.string()), "file");
  ::madvise(data, size, MADV_SEQUENTIAL);
  auto result = parse_zone_text(std::string_view(static_cast<const char*>(data), size), tld, sink, progress);
  ::munmap(data, size);
  return result;
}

}  // namespace snai::availability
