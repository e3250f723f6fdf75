#include "core/progress.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unistd.h>

namespace snai {

TerminalProgress::TerminalProgress(std::FILE* out) : out_(out), tty_(isatty(fileno(out)) == 1) {}

void TerminalProgress::begin_stage(std::string_view name, int index, int total) {
  std::lock_guard lock(mu_);
  label_ = fmt::format("[{}/{}] {:<12}", index, total, name);
  last_percent_ = -1;
  if (tty_) draw(0, "");
  else fmt::print(out_, "{} started\n", label_);
  std::fflush(out_);
}

void TerminalProgress::update(double fraction, std::string_view detail) {
  std::lock_guard lock(mu_);
  if (!tty_) return;
  auto now = std::chrono::steady_clock::now();
  int percent = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 100);
  if (percent == last_percent_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  draw(fraction, detail);
  last_draw_ = now;
  last_percent_ = percent;
}

void TerminalProgress::end_stage(std::string_view summary) {
  std::lock_guard lock(mu_);
  if (tty_) fmt::print(out_, "\r\033[K{} {}\n", label_, summary);
  else fmt::print(out_, "{} {}\n", label_, summary);
  std::fflush(out_);
}

void TerminalProgress::draw(double fraction, std::string_view detail) {
  constexpr int kWidth = 30;
  int filled = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kWidth);
  fmt::print(out_, "\r\033[K{} [{}{}] {:3}% {}", label_, std::string(filled, '#'), std::string(kWidth - filled, '.'),
             static_cast<int>(fraction * 100), detail.substr(0, 40));
  std::fflush(out_);
}

}  // namespace snai
