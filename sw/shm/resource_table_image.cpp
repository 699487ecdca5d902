// SPDX-License-Identifier: Apache-2.0
#include "sw/shm/resource_table_image.h"

#include <algorithm>

#include "sw/shm/le_bytes.h"

namespace sim::sw::shm {
namespace {

// Body offsets are the entry offsets minus the type word the entry list keeps separately.
constexpr std::uint32_t body(std::uint32_t entry_offset) {
  return rsc::linux_body_offset(entry_offset);
}

// name[32]: NUL-padded like a static C initialiser; the last byte always stays NUL.
void put_name(std::vector<std::uint8_t>& out, std::uint32_t at, const std::string& name) {
  std::size_t n = std::min<std::size_t>(name.size(), rsc::kNameSize - 1);
  std::copy_n(name.begin(), n, out.begin() + at);
}

} // namespace

std::size_t ResourceTableImage::add_entry(std::uint32_t type, std::vector<std::uint8_t> body) {
  entries_.push_back({type, std::move(body)});
  return entries_.size() - 1;
}

std::size_t ResourceTableImage::add_vdev(const Vdev& vdev) {
  std::vector<std::uint8_t> b(body(rsc::kVdevVrings) + rsc::kVringSize * vdev.vrings.size() +
                              vdev.config.size());
  store_le32(&b[body(rsc::kVdevId)], vdev.id);
  store_le32(&b[body(rsc::kVdevNotifyId)], vdev.notifyid);
  store_le32(&b[body(rsc::kVdevDfeatures)], vdev.dfeatures);
  store_le32(&b[body(rsc::kVdevGfeatures)], vdev.gfeatures);
  store_le32(&b[body(rsc::kVdevConfigLen)], static_cast<std::uint32_t>(vdev.config.size()));
  b[body(rsc::kVdevStatus)] = vdev.status;
  b[body(rsc::kVdevNumOfVrings)] = static_cast<std::uint8_t>(vdev.vrings.size());
  std::size_t at = body(rsc::kVdevVrings);
  for (const Vring& v : vdev.vrings) {
    store_le32(&b[at + rsc::kVringDa], v.da);
    store_le32(&b[at + rsc::kVringAlign], v.align);
    store_le32(&b[at + rsc::kVringNum], v.num);
    store_le32(&b[at + rsc::kVringNotifyId], v.notifyid);
    store_le32(&b[at + rsc::kVringReserved], v.reserved);
    at += rsc::kVringSize;
  }
  std::copy(vdev.config.begin(), vdev.config.end(), b.begin() + static_cast<std::ptrdiff_t>(at));
  return add_entry(rsc::kVdev, std::move(b));
}

std::size_t ResourceTableImage::add_carveout(const Carveout& c) {
  std::vector<std::uint8_t> b(body(rsc::kCarveoutSize));
  store_le32(&b[body(rsc::kCarveoutDa)], c.da);
  store_le32(&b[body(rsc::kCarveoutPa)], c.pa);
  store_le32(&b[body(rsc::kCarveoutLen)], c.len);
  store_le32(&b[body(rsc::kCarveoutFlags)], c.flags);
  put_name(b, body(rsc::kCarveoutName), c.name);
  return add_entry(rsc::kCarveout, std::move(b));
}

std::size_t ResourceTableImage::add_devmem(const Carveout& devmem) {
  std::size_t i = add_carveout(devmem);
  entries_[i].type = rsc::kDevmem;
  return i;
}

std::size_t ResourceTableImage::add_trace(const Trace& t) {
  std::vector<std::uint8_t> b(body(rsc::kTraceSize));
  store_le32(&b[body(rsc::kTraceDa)], t.da);
  store_le32(&b[body(rsc::kTraceLen)], t.len);
  put_name(b, body(rsc::kTraceName), t.name);
  return add_entry(rsc::kTrace, std::move(b));
}

std::uint32_t ResourceTableImage::entry_offset(std::size_t i) const {
  std::size_t off = rsc::kHdrOffsets + 4 * entries_.size();
  for (std::size_t k = 0; k < i; ++k) off += rsc::kEntryTypeSize + entries_[k].body.size();
  return static_cast<std::uint32_t>(off);
}

std::uint32_t ResourceTableImage::size() const {
  return entry_offset(entries_.size());
}

std::vector<std::uint8_t> ResourceTableImage::bytes() const {
  std::vector<std::uint8_t> out(size());
  store_le32(&out[rsc::kHdrVer], rsc::kSupportedVersion);
  store_le32(&out[rsc::kHdrNum], static_cast<std::uint32_t>(entries_.size()));
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    std::uint32_t off = entry_offset(i);
    store_le32(&out[rsc::kHdrOffsets + 4 * i], off);
    store_le32(&out[off + rsc::kEntryType], entries_[i].type);
    std::copy(entries_[i].body.begin(), entries_[i].body.end(),
              out.begin() + static_cast<std::ptrdiff_t>(off + rsc::kEntryTypeSize));
  }
  return out;
}

ResourceTableImage ResourceTableImage::zephyr(const ZephyrTableParams& p) {
  ResourceTableImage image;
  Vdev vdev;
  vdev.notifyid = p.vdev_notifyid;
  vdev.dfeatures = p.dfeatures;
  vdev.vrings.push_back({p.vring0_da, p.vring_align, p.vring_num, p.vring0_notifyid, 0});
  vdev.vrings.push_back({p.vring1_da, p.vring_align, p.vring_num, p.vring1_notifyid, 0});
  image.add_vdev(vdev);
  if (p.trace) image.add_trace({p.trace->da, p.trace->len, p.trace->name});
  return image;
}

} // namespace sim::sw::shm
