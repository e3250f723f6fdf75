#include "availability/domain_name.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <idn2.h>

#include "core/utf8.hpp"

namespace snai::availability {
namespace {

bool is_ldh(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

Result<std::string> to_label(std::string_view input, std::string_view what, const std::string& field) {
  auto bad = [&](std::string why) {
    return fail(ErrorCode::invalid_argument, fmt::format("{} '{}': {}", what, input, why), field);
  };
  if (input.empty()) return bad("empty");
  if (!is_valid_utf8(input)) return bad("not valid UTF-8");
  if (std::any_of(input.begin(), input.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; }))
    return bad("contains a space; a domain label has none");
  if (input.find('.') != std::string_view::npos)
    return bad(field == "names" ? "contains a dot; give the name without its TLD (the TLDs are a separate list)"
                                : "contains a dot; give one top-level label such as com");
  std::string label;
  bool ascii = std::all_of(input.begin(), input.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    label.assign(input);
    for (char& c : label) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  } else {
    std::string text(input);
    char* out = nullptr;
    int rc = idn2_to_ascii_8z(text.c_str(), &out, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
    if (rc != IDN2_OK) return bad(fmt::format("not a valid internationalized name ({})", idn2_strerror(rc)));
    label = out;
    idn2_free(out);
  }
  if (label.size() > 63) return bad(fmt::format("{} octets as a DNS label, the limit is 63", label.size()));
  if (!std::all_of(label.begin(), label.end(), is_ldh))
    return bad("only letters, digits and hyphens are allowed");
  if (label.front() == '-' || label.back() == '-') return bad("cannot start or end with a hyphen");
  if (label.size() >= 4 && label.substr(2, 2) == "--" && label.substr(0, 4) != "xn--")
    return bad("hyphens in the third and fourth positions are reserved (xn-- names only)");
  if (label.rfind("xn--", 0) == 0) {
    // A valid A-label decodes and encodes back to itself: reject garbage punycode.
    char* unicode = nullptr;
    char* again = nullptr;
    int rc = idn2_to_unicode_8z8z(label.c_str(), &unicode, 0);
    if (rc == IDN2_OK) rc = idn2_to_ascii_8z(unicode, &again, IDN2_NONTRANSITIONAL);
    bool same = rc == IDN2_OK && label == again;
    idn2_free(unicode);
    idn2_free(again);
    if (!same) return bad(rc == IDN2_OK ? "not a valid xn-- label" : fmt::format("not a valid xn-- label ({})", idn2_strerror(rc)));
  }
  return label;
}

}  // namespace

Result<std::string> normalize_label(std::string_view name) { return to_label(name, "name", "names"); }

Result<std::string> normalize_tld(std::string_view tld) {
  if (!tld.empty() && tld.front() == '.') tld.remove_prefix(1);
  auto label = to_label(tld, "TLD", "tlds");
  if (!label) return label;
  if (std::all_of(label->begin(), label->end(), [](char c) { return c >= '0' && c <= '9'; }))
    return fail(ErrorCode::invalid_argument, fmt::format("TLD '{}': all digits", tld), "tlds");
  return label;
}

}  // namespace snai::availability
