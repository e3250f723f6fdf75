// Double Metaphone (Lawrence Philips, 2000): two phonetic keys per word — the primary (most
// common English pronunciation) and an alternate (e.g. Germanic/Slavic/Italian readings) — so
// "Stripe"/"Stryp" and "Smith"/"Schmidt" meet on the same key. No Debian package ships a C/C++
// implementation (only Perl's Text::DoubleMetaphone and Python's abydos), hence this port.
//
//   auto keys = snai::conflicts::double_metaphone("Flickr");   // {"FLKR", "FLKR"}
//   double_metaphone("Schmidt");                                 // {"XMT", "SMT"}
//   double_metaphone("Thomas", 4);                               // keys cut to 4 characters
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace snai::conflicts {

struct MetaphoneKeys {
  std::string primary;
  std::string alternate;  // equals primary when the word has no alternate reading
  friend bool operator==(const MetaphoneKeys&, const MetaphoneKeys&) = default;
};

// Letters only (ASCII, any case); other characters are skipped. Keys are upper-case letters
// plus '0' for "th" and are at most `max_length` long (Philips used 4; longer keys separate
// names better in a large registry). Empty input → empty keys.
MetaphoneKeys double_metaphone(std::string_view word, std::size_t max_length = 8);

}  // namespace snai::conflicts
