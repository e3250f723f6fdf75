#include "conflicts/double_metaphone.hpp"

#include <cctype>
#include <initializer_list>

namespace snai::conflicts {
namespace {

// The rules read the word through a cursor; positions outside the word read as ' ' so the
// look-arounds of the original need no bounds checks.
class Encoder {
 public:
  Encoder(std::string_view word, std::size_t max_length) : max_(max_length) {
    for (char c : word)
      if (std::isalpha(static_cast<unsigned char>(c))) w_ += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    length_ = static_cast<int>(w_.size());
    last_ = length_ - 1;
    slavo_germanic_ = w_.find('W') != std::string::npos || w_.find('K') != std::string::npos ||
                      w_.find("CZ") != std::string::npos || w_.find("WITZ") != std::string::npos;
  }

  MetaphoneKeys run() {
    if (length_ == 0) return {};
    int cur = 0;
    if (at(0, {"GN", "KN", "PN", "WR", "PS"})) cur = 1;
    if (c(0) == 'X') {
      add("S");
      cur = 1;
    }
    while ((p_.size() < max_ || s_.size() < max_) && cur < length_) cur = step(cur);
    if (p_.size() > max_) p_.resize(max_);
    if (s_.size() > max_) s_.resize(max_);
    return {p_, s_};
  }

 private:
  char c(int i) const { return i >= 0 && i < length_ ? w_[i] : ' '; }
  bool vowel(int i) const {
    char ch = c(i);
    return ch == 'A' || ch == 'E' || ch == 'I' || ch == 'O' || ch == 'U' || ch == 'Y';
  }
  // True when one of `options` (all the same length) starts at `i`.
  bool at(int i, std::initializer_list<std::string_view> options) const {
    if (i < 0) return false;
    for (auto o : options) {
      bool match = true;
      for (std::size_t k = 0; k < o.size(); ++k)
        if (c(i + static_cast<int>(k)) != o[k]) {
          match = false;
          break;
        }
      if (match) return true;
    }
    return false;
  }
  void add(std::string_view both) { add(both, both); }
  void add(std::string_view primary, std::string_view alternate) {
    p_ += primary;
    s_ += alternate;
  }

  int step(int cur);
  int step_c(int cur);
  int step_g(int cur);
  int step_s(int cur);

  std::string w_, p_, s_;
  std::size_t max_;
  int length_ = 0, last_ = -1;
  bool slavo_germanic_ = false;
};

int Encoder::step(int cur) {
  switch (c(cur)) {
    case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
      if (cur == 0) add("A");
      return cur + 1;
    case 'B':
      add("P");
      return cur + (c(cur + 1) == 'B' ? 2 : 1);
    case 'C':
      return step_c(cur);
    case 'D':
      if (at(cur, {"DG"})) {
        if (at(cur + 2, {"I", "E", "Y"})) {  // "edge"
          add("J");
          return cur + 3;
        }
        add("TK");  // "edgar"
        return cur + 2;
      }
      add("T");
      return cur + (at(cur, {"DT", "DD"}) ? 2 : 1);
    case 'F':
      add("F");
      return cur + (c(cur + 1) == 'F' ? 2 : 1);
    case 'G':
      return step_g(cur);
    case 'H':
      if ((cur == 0 || vowel(cur - 1)) && vowel(cur + 1)) {
        add("H");
        return cur + 2;
      }
      return cur + 1;
    case 'J':
      if (at(cur, {"JOSE"}) || at(0, {"SAN "})) {
        if ((cur == 0 && c(cur + 4) == ' ') || at(0, {"SAN "})) add("H");
        else add("J", "H");
        return cur + 1;
      }
      if (cur == 0) add("J", "A");
      else if (vowel(cur - 1) && !slavo_germanic_ && (c(cur + 1) == 'A' || c(cur + 1) == 'O')) add("J", "H");
      else if (cur == last_) add("J", "");
      else if (!at(cur + 1, {"L", "T", "K", "S", "N", "M", "B", "Z"}) && !at(cur - 1, {"S", "K", "L"})) add("J");
      return cur + (c(cur + 1) == 'J' ? 2 : 1);
    case 'K':
      add("K");
      return cur + (c(cur + 1) == 'K' ? 2 : 1);
    case 'L':
      if (c(cur + 1) == 'L') {
        if ((cur == length_ - 3 && at(cur - 1, {"ILLO", "ILLA", "ALLE"})) ||
            ((at(last_ - 1, {"AS", "OS"}) || at(last_, {"A", "O"})) && at(cur - 1, {"ALLE"}))) {
          add("L", "");
          return cur + 2;
        }
        add("L");
        return cur + 2;
      }
      add("L");
      return cur + 1;
    case 'M':
      add("M");
      if ((at(cur - 1, {"UMB"}) && (cur + 1 == last_ || at(cur + 2, {"ER"}))) || c(cur + 1) == 'M') return cur + 2;
      return cur + 1;
    case 'N':
      add("N");
      return cur + (c(cur + 1) == 'N' ? 2 : 1);
    case 'P':
      if (c(cur + 1) == 'H') {
        add("F");
        return cur + 2;
      }
      add("P");
      return cur + (at(cur + 1, {"P", "B"}) ? 2 : 1);
    case 'Q':
      add("K");
      return cur + (c(cur + 1) == 'Q' ? 2 : 1);
    case 'R':
      if (cur == last_ && !slavo_germanic_ && at(cur - 2, {"IE"}) && !at(cur - 4, {"ME", "MA"})) add("", "R");
      else add("R");
      return cur + (c(cur + 1) == 'R' ? 2 : 1);
    case 'S':
      return step_s(cur);
    case 'T':
      if (at(cur, {"TION"})) {
        add("X");
        return cur + 3;
      }
      if (at(cur, {"TIA", "TCH"})) {
        add("X");
        return cur + 3;
      }
      if (at(cur, {"TH"}) || at(cur, {"TTH"})) {
        if (at(cur + 2, {"OM", "AM"}) || at(0, {"VAN ", "VON "}) || at(0, {"SCH"})) add("T");
        else add("0", "T");
        return cur + 2;
      }
      add("T");
      return cur + (at(cur + 1, {"T", "D"}) ? 2 : 1);
    case 'V':
      add("F");
      return cur + (c(cur + 1) == 'V' ? 2 : 1);
    case 'W':
      if (at(cur, {"WR"})) {
        add("R");
        return cur + 2;
      }
      if (cur == 0 && (vowel(cur + 1) || at(cur, {"WH"}))) {
        if (vowel(cur + 1)) add("A", "F");  // Wasserman / Vasserman
        else add("A");
      }
      if ((cur == last_ && vowel(cur - 1)) || at(cur - 1, {"EWSKI", "EWSKY", "OWSKI", "OWSKY"}) || at(0, {"SCH"})) {
        add("", "F");  // Arnow / Arnoff
        return cur + 1;
      }
      if (at(cur, {"WICZ", "WITZ"})) {
        add("TS", "FX");
        return cur + 4;
      }
      return cur + 1;
    case 'X':
      if (!(cur == last_ && (at(cur - 3, {"IAU", "EAU"}) || at(cur - 2, {"AU", "OU"})))) add("KS");
      return cur + (at(cur + 1, {"C", "X"}) ? 2 : 1);
    case 'Z':
      if (c(cur + 1) == 'H') {  // pinyin "zhao"
        add("J");
        return cur + 2;
      }
      if (at(cur + 1, {"ZO", "ZI", "ZA"}) || (slavo_germanic_ && cur > 0 && c(cur - 1) != 'T')) add("S", "TS");
      else add("S");
      return cur + (c(cur + 1) == 'Z' ? 2 : 1);
    default:
      return cur + 1;
  }
}

int Encoder::step_c(int cur) {
  // Germanic "ach" ("bacher", "macher"), not "bachi".
  if (cur > 1 && !vowel(cur - 2) && at(cur - 1, {"ACH"}) && c(cur + 2) != 'I' &&
      (c(cur + 2) != 'E' || at(cur - 2, {"BACHER", "MACHER"}))) {
    add("K");
    return cur + 2;
  }
  if (cur == 0 && at(cur, {"CAESAR"})) {
    add("S");
    return cur + 2;
  }
  if (at(cur, {"CHIA"})) {  // "chianti"
    add("K");
    return cur + 2;
  }
  if (at(cur, {"CH"})) {
    if (cur > 0 && at(cur, {"CHAE"})) {  // "michael"
      add("K", "X");
      return cur + 2;
    }
    if (cur == 0 && (at(cur + 1, {"HARAC", "HARIS"}) || at(cur + 1, {"HOR", "HYM", "HIA", "HEM"})) &&
        !at(0, {"CHORE"})) {  // Greek roots: "chemistry", "chorus"
      add("K");
      return cur + 2;
    }
    if (at(0, {"VAN ", "VON "}) || at(0, {"SCH"}) || at(cur - 2, {"ORCHES", "ARCHIT", "ORCHID"}) ||
        at(cur + 2, {"T", "S"}) ||
        ((at(cur - 1, {"A", "O", "U", "E"}) || cur == 0) &&
         at(cur + 2, {"L", "R", "N", "M", "B", "H", "F", "V", "W", " "}))) {
      add("K");
    } else if (cur > 0) {
      if (at(0, {"MC"})) add("K");
      else add("X", "K");
    } else {
      add("X");
    }
    return cur + 2;
  }
  if (at(cur, {"CZ"}) && !at(cur - 2, {"WICZ"})) {  // "czerny"
    add("S", "X");
    return cur + 2;
  }
  if (at(cur + 1, {"CIA"})) {  // "focaccia"
    add("X");
    return cur + 3;
  }
  if (at(cur, {"CC"}) && !(cur == 1 && c(0) == 'M')) {
    if (at(cur + 2, {"I", "E", "H"}) && !at(cur + 2, {"HU"})) {
      if ((cur == 1 && c(cur - 1) == 'A') || at(cur - 1, {"UCCEE", "UCCES"})) add("KS");  // "accident"
      else add("X");  // "bacci"
      return cur + 3;
    }
    add("K");
    return cur + 2;
  }
  if (at(cur, {"CK", "CG", "CQ"})) {
    add("K");
    return cur + 2;
  }
  if (at(cur, {"CI", "CE", "CY"})) {
    if (at(cur, {"CIO", "CIE", "CIA"})) add("S", "X");
    else add("S");
    return cur + 2;
  }
  add("K");
  if (at(cur + 1, {" C", " Q", " G"})) return cur + 3;
  if (at(cur + 1, {"C", "K", "Q"}) && !at(cur + 1, {"CE", "CI"})) return cur + 2;
  return cur + 1;
}

int Encoder::step_g(int cur) {
  if (c(cur + 1) == 'H') {
    if (cur > 0 && !vowel(cur - 1)) {
      add("K");
      return cur + 2;
    }
    if (cur == 0) {  // "ghislane", "ghost"
      add(c(cur + 2) == 'I' ? "J" : "K");
      return cur + 2;
    }
    // Parker's rule: "hugh", "bough", "broughton" are silent.
    if ((cur > 1 && at(cur - 2, {"B", "H", "D"})) || (cur > 2 && at(cur - 3, {"B", "H", "D"})) ||
        (cur > 3 && at(cur - 4, {"B", "H"})))
      return cur + 2;
    if (cur > 2 && c(cur - 1) == 'U' && at(cur - 3, {"C", "G", "L", "R", "T"})) add("F");  // "laugh", "tough"
    else if (cur > 0 && c(cur - 1) != 'I') add("K");
    return cur + 2;
  }
  if (c(cur + 1) == 'N') {
    if (cur == 1 && vowel(0) && !slavo_germanic_) add("KN", "N");
    else if (!at(cur + 2, {"EY"}) && c(cur + 1) != 'Y' && !slavo_germanic_) add("N", "KN");
    else add("KN");
    return cur + 2;
  }
  if (at(cur + 1, {"LI"}) && !slavo_germanic_) {  // "tagliaro"
    add("KL", "L");
    return cur + 2;
  }
  if (cur == 0 && (c(cur + 1) == 'Y' ||
                   at(cur + 1, {"ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"}))) {
    add("K", "J");
    return cur + 2;
  }
  if ((at(cur + 1, {"ER"}) || c(cur + 1) == 'Y') && !at(0, {"DANGER", "RANGER", "MANGER"}) &&
      !at(cur - 1, {"E", "I"}) && !at(cur - 1, {"RGY", "OGY"})) {
    add("K", "J");
    return cur + 2;
  }
  if (at(cur + 1, {"E", "I", "Y"}) || at(cur - 1, {"AGGI", "OGGI"})) {
    if (at(0, {"VAN ", "VON "}) || at(0, {"SCH"}) || at(cur + 1, {"ET"})) add("K");
    else if (at(cur + 1, {"IER "})) add("J");
    else add("J", "K");
    return cur + 2;
  }
  add("K");
  return cur + (c(cur + 1) == 'G' ? 2 : 1);
}

int Encoder::step_s(int cur) {
  if (at(cur - 1, {"ISL", "YSL"})) return cur + 1;  // "island", "carlisle"
  if (cur == 0 && at(cur, {"SUGAR"})) {
    add("X", "S");
    return cur + 1;
  }
  if (at(cur, {"SH"})) {
    add(at(cur + 1, {"HEIM", "HOEK", "HOLM", "HOLZ"}) ? "S" : "X");
    return cur + 2;
  }
  if (at(cur, {"SIO", "SIA"}) || at(cur, {"SIAN"})) {
    if (!slavo_germanic_) add("S", "X");
    else add("S");
    return cur + 3;
  }
  // "smith"/"schmidt", "snider"/"schneider"; Slavic "-sz-".
  if ((cur == 0 && at(cur + 1, {"M", "N", "L", "W"})) || at(cur + 1, {"Z"})) {
    add("S", "X");
    return cur + (at(cur + 1, {"Z"}) ? 2 : 1);
  }
  if (at(cur, {"SC"})) {
    if (c(cur + 2) == 'H') {
      if (at(cur + 3, {"OO", "ER", "EN", "UY", "ED", "EM"})) {  // Dutch "school", "schooner"
        if (at(cur + 3, {"ER", "EN"})) add("X", "SK");
        else add("SK");
        return cur + 3;
      }
      if (cur == 0 && !vowel(3) && c(3) != 'W') add("X", "S");
      else add("X");
      return cur + 3;
    }
    add(at(cur + 2, {"I", "E", "Y"}) ? "S" : "SK");
    return cur + 3;
  }
  if (cur == last_ && at(cur - 2, {"AI", "OI"})) add("", "S");  // French "artois"
  else add("S");
  return cur + (at(cur + 1, {"S", "Z"}) ? 2 : 1);
}

}  // namespace

MetaphoneKeys double_metaphone(std::string_view word, std::size_t max_length) {
  return Encoder(word, max_length).run();
}

}  // namespace snai::conflicts
