// SPDX-License-Identifier: Apache-2.0
#include "models/cache/cache_array.h"

#include <cstring>
#include <stdexcept>

namespace sim::models {

CacheArray::CacheArray(const CacheGeometry& geometry, std::unique_ptr<ReplacementPolicy> policy,
                       bool unbounded)
    : geometry_(geometry), policy_(std::move(policy)), unbounded_(unbounded),
      ways_(geometry.ways()), line_bytes_(geometry.line()),
      lines_(static_cast<std::size_t>(geometry.sets()) * geometry.ways()),
      data_(lines_.size() * line_bytes_, 0) {
  if (!policy_) throw std::invalid_argument("CacheArray needs a replacement policy");
  if (unbounded_) extra_.resize(geometry.sets());
}

std::optional<unsigned> CacheArray::find(unsigned set, std::uint64_t tag) const {
  const Line* base = &lines_[static_cast<std::size_t>(set) * ways_];
  for (unsigned w = 0; w < ways_; ++w)
    if (base[w].valid && base[w].tag == tag) return w;
  if (unbounded_) {
    const auto& extra = extra_[set];
    for (std::size_t i = 0; i < extra.size(); ++i) {
      const Line& l = lines_[extra[i]];
      if (l.valid && l.tag == tag) return static_cast<unsigned>(ways_ + i);
    }
  }
  return std::nullopt;
}

unsigned CacheArray::ways_in(unsigned set) const {
  return unbounded_ ? ways_ + static_cast<unsigned>(extra_[set].size()) : ways_;
}

unsigned CacheArray::victim(unsigned set) {
  for (unsigned w = 0, n = ways_in(set); w < n; ++w)
    if (!valid(set, w)) return w;
  if (unbounded_) return grow(set);
  return policy_->victim(set);
}

unsigned CacheArray::grow(unsigned set) {
  const std::size_t slot_index = lines_.size();
  lines_.emplace_back();
  data_.resize(data_.size() + line_bytes_, 0);
  extra_[set].push_back(slot_index);
  return ways_ + static_cast<unsigned>(extra_[set].size() - 1);
}

void CacheArray::install(std::uint64_t addr, unsigned way, const std::uint8_t* data) {
  const unsigned set = geometry_.set_of(addr);
  Line& l = line(set, way);
  if (!l.valid) ++valid_lines_;
  l.tag = geometry_.tag_of(addr);
  l.valid = true;
  l.dirty = false;
  std::memcpy(this->data(set, way), data, line_bytes_);
  if (way < ways_) policy_->insert(set, way);
}

unsigned CacheArray::install(std::uint64_t addr, const std::uint8_t* data) {
  const unsigned way = victim(geometry_.set_of(addr));
  install(addr, way, data);
  return way;
}

void CacheArray::touch(unsigned set, unsigned way) {
  if (way < ways_) policy_->touch(set, way);
}

void CacheArray::invalidate(unsigned set, unsigned way) {
  Line& l = line(set, way);
  if (l.valid) --valid_lines_;
  l.valid = false;
  l.dirty = false;
  if (way < ways_) policy_->invalidate(set, way);
}

void CacheArray::read(unsigned set, unsigned way, unsigned offset, std::uint8_t* out,
                      unsigned len) const {
  std::memcpy(out, data(set, way) + offset, len);
}

void CacheArray::write(unsigned set, unsigned way, unsigned offset, const std::uint8_t* in,
                       unsigned len) {
  std::memcpy(data(set, way) + offset, in, len);
}

std::pair<unsigned, unsigned> CacheArray::nth_valid(std::size_t k) const {
  for (unsigned s = 0; s < geometry_.sets(); ++s)
    for (unsigned w = 0, n = ways_in(s); w < n; ++w)
      if (valid(s, w) && k-- == 0) return {s, w};
  throw std::out_of_range("CacheArray::nth_valid: fewer valid lines than asked for");
}

} // namespace sim::models
