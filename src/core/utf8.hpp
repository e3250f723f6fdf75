// UTF-8 validation: every text that enters from outside (HTTP bodies, CLI arguments, files)
// is checked once, at the edge, with this.
#pragma once

#include <string_view>

namespace snai {

// Well-formed UTF-8: no truncated or overlong sequences, no surrogates, nothing past U+10FFFF.
bool is_valid_utf8(std::string_view text);

}  // namespace snai
