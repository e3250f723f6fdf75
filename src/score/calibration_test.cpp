#include "score/calibration.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <unistd.h>

namespace snai::score {
namespace {

std::vector<double> zero_to_ninety_nine() {
  std::vector<double> v;
  for (int i = 99; i >= 0; --i) v.push_back(i);
  return v;
}

TEST(ScoreCalibration, IsThePercentileAmongTheReference) {
  auto scale = ScoreCalibration::from(zero_to_ninety_nine());
  ASSERT_TRUE(scale);
  EXPECT_NEAR(scale->percentile(49.5), 50.0, 1e-9);  // the median
  EXPECT_NEAR(scale->percentile(69.5), 70.0, 1e-9);
  EXPECT_LT(scale->percentile(10), scale->percentile(10.5));  // interpolated, strictly rising
  EXPECT_LT(scale->percentile(-5), 0.01);                    // far below every real name
  EXPECT_LE(scale->percentile(1000), 100.0);
  EXPECT_NEAR(scale->raw_at(scale->percentile(42.25)), 42.25, 1e-9);
}

TEST(ScoreCalibration, NeedsEnoughFiniteValues) {
  std::vector<double> few = {1, 2, 3, std::nan("")};
  EXPECT_EQ(ScoreCalibration::from(few).error().code, ErrorCode::invalid_argument);
}

TEST(ScoreCalibration, SavesLoadsAndRefusesATruncatedFile) {
  auto scale = ScoreCalibration::from(zero_to_ninety_nine());
  auto path = std::filesystem::temp_directory_path() / ("snai_calibration_" + std::to_string(::getpid()) + ".txt");
  ASSERT_TRUE(scale->save(path));
  auto loaded = ScoreCalibration::load(path);
  ASSERT_TRUE(loaded);
  EXPECT_DOUBLE_EQ(loaded->percentile(33.3), scale->percentile(33.3));
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  EXPECT_EQ(ScoreCalibration::load(path).error().code, ErrorCode::data_corrupt);
  std::filesystem::remove(path);
  EXPECT_EQ(ScoreCalibration::load(path).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace snai::score
