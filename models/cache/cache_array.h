// SPDX-License-Identifier: Apache-2.0
#pragma once
// CacheArray: the tag and data store of a set-associative cache. Every line keeps
// {tag, valid, dirty, data}; the data is real, so a line can hold bytes older than memory's (the
// stale data a non-coherent cache must be able to return). Victim choice takes an invalid way
// first and otherwise asks the ReplacementPolicy. In unbounded mode (Eviction::kNever) a full set
// grows an extra way instead of replacing one, so no line ever leaves by capacity.
// Pure C++: no timing, no memory traffic; the Cache shell writes back and fills.

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "models/cache/cache_geometry.h"
#include "models/cache/replacement_policy.h"

namespace sim::models {

class CacheArray {
public:
  CacheArray(const CacheGeometry& geometry, std::unique_ptr<ReplacementPolicy> policy,
             bool unbounded = false);

  const CacheGeometry& geometry() const { return geometry_; }

  /// The way holding the valid line that contains `addr`, if any.
  std::optional<unsigned> lookup(std::uint64_t addr) const {
    return find(geometry_.set_of(addr), geometry_.tag_of(addr));
  }
  std::optional<unsigned> find(unsigned set, std::uint64_t tag) const;
  /// Ways the set currently has: `ways`, plus grown ones in unbounded mode.
  unsigned ways_in(unsigned set) const;

  /// The way a fill of `set` should use: an invalid way if any, else (unbounded) a newly grown
  /// way, else the policy's victim. The caller writes back a dirty victim before installing.
  unsigned victim(unsigned set);
  /// Fills `way` of addr's set with one line of `data`: valid, clean, tag of `addr`.
  void install(std::uint64_t addr, unsigned way, const std::uint8_t* data);
  /// victim() then install(); returns the way. Whatever the victim held is dropped.
  unsigned install(std::uint64_t addr, const std::uint8_t* data);

  void touch(unsigned set, unsigned way);
  void mark_dirty(unsigned set, unsigned way) { line(set, way).dirty = true; }
  void mark_clean(unsigned set, unsigned way) { line(set, way).dirty = false; }
  void invalidate(unsigned set, unsigned way);

  bool valid(unsigned set, unsigned way) const { return line(set, way).valid; }
  bool dirty(unsigned set, unsigned way) const { return line(set, way).dirty; }
  std::uint64_t line_addr(unsigned set, unsigned way) const {
    return geometry_.line_addr_of(line(set, way).tag, set);
  }
  std::uint8_t* data(unsigned set, unsigned way) { return &data_[slot(set, way) * line_bytes_]; }
  const std::uint8_t* data(unsigned set, unsigned way) const {
    return &data_[slot(set, way) * line_bytes_];
  }
  /// Copies `len` bytes at `offset` within the line (offset + len <= line).
  void read(unsigned set, unsigned way, unsigned offset, std::uint8_t* out, unsigned len) const;
  void write(unsigned set, unsigned way, unsigned offset, const std::uint8_t* in, unsigned len);

  std::size_t valid_lines() const { return valid_lines_; }
  /// The k-th valid line (k < valid_lines()) in set, then way order: {set, way}.
  std::pair<unsigned, unsigned> nth_valid(std::size_t k) const;

  /// Calls f(set, way) for every valid line. f may clean or invalidate that line.
  template <typename F> void for_each_valid(F&& f) {
    for (unsigned s = 0; s < geometry_.sets(); ++s)
      for (unsigned w = 0, n = ways_in(s); w < n; ++w)
        if (valid(s, w)) f(s, w);
  }
  /// Calls f(line_addr, set, way) for every line [addr, addr + len) touches, partial first and
  /// last lines included; way is empty when the line is not present. f may change that line.
  template <typename F> void for_each_in_range(std::uint64_t addr, std::uint64_t len, F&& f) {
    const std::uint64_t n = geometry_.lines_touched(addr, len);
    std::uint64_t la = geometry_.line_addr(addr);
    for (std::uint64_t i = 0; i < n; ++i, la += geometry_.line()) {
      const unsigned set = geometry_.set_of(la);
      f(la, set, find(set, geometry_.tag_of(la)));
    }
  }

private:
  struct Line {
    std::uint64_t tag = 0;
    bool valid = false;
    bool dirty = false;
  };

  std::size_t slot(unsigned set, unsigned way) const {
    return way < ways_ ? static_cast<std::size_t>(set) * ways_ + way : extra_[set][way - ways_];
  }
  Line& line(unsigned set, unsigned way) { return lines_[slot(set, way)]; }
  const Line& line(unsigned set, unsigned way) const { return lines_[slot(set, way)]; }
  unsigned grow(unsigned set);

  CacheGeometry geometry_;
  std::unique_ptr<ReplacementPolicy> policy_;
  bool unbounded_;
  unsigned ways_;
  std::size_t line_bytes_;
  std::size_t valid_lines_ = 0;
  std::vector<Line> lines_;                     // sets * ways, then grown slots
  std::vector<std::uint8_t> data_;              // line_bytes per slot
  std::vector<std::vector<std::size_t>> extra_; // per set: slots grown beyond `ways`
};

} // namespace sim::models
