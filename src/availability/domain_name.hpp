// Turning what a user typed into a DNS label, or saying clearly why not: lower-cases ASCII,
// converts Unicode names with IDNA2008/UTS #46 (libidn2) to their xn-- form, and rejects
// dots, spaces, empty names, bad hyphens and labels over 63 octets.
//
//   auto label = snai::availability::normalize_label("Café");   // "xn--caf-dma"
//   auto tld = snai::availability::normalize_tld(".COM");        // "com"
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace snai::availability {

// A second-level label ("stripe"); errors are invalid_argument with field "names".
Result<std::string> normalize_label(std::string_view name);

// A top-level domain ("com"; one leading dot is allowed); errors name field "tlds".
Result<std::string> normalize_tld(std::string_view tld);

}  // namespace snai::availability
