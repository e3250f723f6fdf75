// Setting up a DomainChecker from the [availability] configuration, and the TLD checks that
// come before any query — shared by `snai check` and POST /v1/domains/check.
//
//   auto checker = make_domain_checker(config);            // fields named as config keys
//   auto tlds = parse_tlds({"com", "io"}, *checker, "tlds");  // normalised, known, deduplicated
#pragma once

#include <span>
#include <string>
#include <vector>

#include "availability/domain_checker.hpp"
#include "core/config.hpp"
#include "core/result.hpp"

namespace snai::availability {

// invalid_argument naming the config key (availability.dns_servers, availability.rdap_bootstrap)
// for bad settings, e.g. RDAP enabled without its bootstrap file.
Result<DomainChecker> make_domain_checker(const Config& config);

// The TLDs normalised (lower-case, IDNA), deduplicated and known — in Debian's public suffix
// list or with an imported zone index; invalid_argument naming `field` otherwise or when empty.
Result<std::vector<std::string>> parse_tlds(std::span<const std::string> raw, const DomainChecker& checker,
                                            const std::string& field);

}  // namespace snai::availability
