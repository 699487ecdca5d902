// SPDX-License-Identifier: Apache-2.0
#pragma once
// A bounded FIFO of 32-bit words on a fixed ring buffer: the storage of one mailbox command or data
// queue. No allocation after construction (a kick must not cost a heap allocation).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sim::models {

class WordFifo {
public:
  explicit WordFifo(std::size_t capacity) : ring_(capacity, 0) {}

  std::size_t capacity() const { return ring_.size(); }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  bool full() const { return count_ == ring_.size(); }

  /// Appends a word; returns false (and keeps the FIFO unchanged) when full.
  bool push(std::uint32_t word) {
    if (full()) return false;
    ring_[(head_ + count_) % ring_.size()] = word;
    ++count_;
    return true;
  }
  /// Oldest word; 0 when empty.
  std::uint32_t front() const { return empty() ? 0 : ring_[head_]; }
  /// Removes and returns the oldest word; 0 (and no underflow) when empty.
  std::uint32_t pop() {
    if (empty()) return 0;
    std::uint32_t word = ring_[head_];
    head_ = (head_ + 1) % ring_.size();
    --count_;
    return word;
  }
  /// Empties the FIFO; returns how many words were discarded.
  std::size_t clear() {
    std::size_t discarded = count_;
    head_ = 0;
    count_ = 0;
    return discarded;
  }

private:
  std::vector<std::uint32_t> ring_;
  std::size_t head_ = 0;
  std::size_t count_ = 0;
};

} // namespace sim::models
