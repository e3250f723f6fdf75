// Test support: a tiny WordNet / CMU / word-list data set written by the test itself (a
// few dozen real entries in the real file formats), built once per test binary.
//
//   const auto& fixture = snai::lexicon::testing::mini_lexicon();
//   fixture.lexicon.lookup("doctor");
#pragma once

#include <filesystem>

#include "lexicon/lexicon.hpp"
#include "lexicon/lexicon_builder.hpp"

namespace snai::lexicon::testing {

// Writes the mini data set under `dir` and returns its sources.
LexiconSources write_mini_sources(const std::filesystem::path& dir);

struct MiniLexicon {
  std::filesystem::path dir;
  LexiconSources sources;
  std::filesystem::path artifact;
  Lexicon lexicon;
};

// Built on first use into a fresh temporary directory; aborts the test binary on failure.
const MiniLexicon& mini_lexicon();

// A fresh, empty temporary directory for one test.
std::filesystem::path scratch_dir(const std::string& name);

}  // namespace snai::lexicon::testing
