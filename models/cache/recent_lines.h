// SPDX-License-Identifier: Apache-2.0
#pragma once
// RecentLines: the last kCapacity distinct line addresses a cache accessed, the pool speculative
// refills draw from (a line near recent activity is what a real core may fetch speculatively).
// Pure C++.

#include <array>
#include <cstddef>
#include <cstdint>

namespace sim::models {

class RecentLines {
public:
  static constexpr std::size_t kCapacity = 16;

  /// Remembers `line_addr` unless already remembered; the oldest entry makes room.
  void record(std::uint64_t line_addr) {
    for (std::size_t i = 0; i < size_; ++i)
      if (lines_[i] == line_addr) return;
    lines_[next_] = line_addr;
    next_ = (next_ + 1) % kCapacity;
    if (size_ < kCapacity) ++size_;
  }
  std::size_t size() const { return size_; }
  std::uint64_t operator[](std::size_t i) const { return lines_[i]; }

private:
  std::array<std::uint64_t, kCapacity> lines_{};
  std::size_t size_ = 0;
  std::size_t next_ = 0;
};

} // namespace sim::models
