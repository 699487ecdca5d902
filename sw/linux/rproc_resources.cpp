// SPDX-License-Identifier: Apache-2.0
// rproc_handle_resources and its loading handlers as Linux v5.10 runs them in attach mode
// (drivers/remoteproc/remoteproc_core.c: rproc_handle_resources, rproc_handle_vdev,
// rproc_parse_vring, rproc_handle_trace; rpmsg-protocol.md §1.4, §6.7): on table_ptr, the live
// table in the remote's memory, read field by field as the C code dereferences it. Only the
// checks these functions make are made.
#include "sw/linux/rproc_vdev.h"
#include "sw/linux/tcc_rproc.h"
#include "sw/shm/layout.h"
#include "sw/shm/vdev_view.h"

namespace sim::sw::lnx {
namespace {

namespace rsc = shm::rsc;

// sizeof(struct fw_rsc_vdev) (the body after `type`) and of one fw_rsc_vdev_vring.
constexpr std::uint32_t kVdevBodySize = rsc::kVdevFixedSize - rsc::kEntryTypeSize;
constexpr std::uint32_t kVringEntrySize = 20;
// sizeof(struct fw_rsc_trace): da, len, reserved, name[32].
constexpr std::uint32_t kTraceBodySize = 44;

} // namespace

int TccRproc::resource_error(const std::string& message, const std::string& detail,
                             hal::Addr address) {
  dev_printk(KernLevel::kErr, message);
  set_error(detail.empty() ? message : message + ": " + detail, address);
  return kEinval;
}

int TccRproc::handle_resources() {
  const std::uint32_t num = hal_.read32(table_ptr_ + rsc::kHdrNum);
  for (std::uint32_t i = 0; i < num; ++i) {
    // int offset = rproc->table_ptr->offset[i]: no check that offset[i] is inside the table.
    const hal::Addr slot = table_ptr_ + rsc::kHdrOffsets + 4ull * i;
    const auto offset = static_cast<std::int32_t>(hal_.read32(slot));
    // int avail = rproc->table_sz - offset - sizeof(*hdr): computed in size_t, kept as int.
    const auto avail = static_cast<std::int32_t>(
        static_cast<std::uint64_t>(table_sz_) -
        static_cast<std::uint64_t>(static_cast<std::int64_t>(offset)) - rsc::kEntryTypeSize);
    if (avail < 0)
      return resource_error("rsc table is truncated",
                            format("entry %u at offset 0x%x of a %llu-byte table", i,
                                   static_cast<unsigned>(offset),
                                   static_cast<unsigned long long>(table_sz_)),
                            slot);
    const hal::Addr hdr = table_ptr_ + static_cast<std::int64_t>(offset);
    const std::uint32_t type = hal_.read32(hdr);
    if (type >= rsc::kVendorStart && type <= rsc::kVendorEnd) {
      // rproc_handle_rsc: the TCC driver has no handle_rsc op, so RSC_IGNORED.
      dev_printk(KernLevel::kWarn, format("unsupported vendor resource %u", type));
      continue;
    }
    if (type >= rsc::kLast) {
      dev_printk(KernLevel::kWarn, format("unsupported resource %u", type));
      continue;
    }
    int err = 0;
    switch (type) {
    case rsc::kVdev:
      err = handle_vdev(offset, avail);
      break;
    case rsc::kTrace:
      err = handle_trace(offset, avail);
      break;
    case rsc::kCarveout:
      // A carve-out entry names memory the remote wants allocated; self-boot tables carry none
      // and allocating at attach time is not modelled.
      dev_printk(KernLevel::kWarn, "carveout resource ignored (not modelled)");
      break;
    default:
      break; // devmem needs an IOMMU domain; pre/post-load vendor entries have no handler
    }
    if (err != 0) return err;
  }
  return 0;
}

int TccRproc::handle_vdev(std::int64_t offset, std::int32_t avail) {
  const hal::Addr entry = table_ptr_ + offset;
  auto rvdev = std::make_unique<RprocVdev>(*this, hal_, printk_, options_, status_,
                                           static_cast<unsigned>(rvdevs_.size()), entry);
  const shm::VdevView v = rvdev->rsc();
  const std::uint8_t nvrings = v.num_of_vrings();
  const std::uint64_t need =
      kVdevBodySize + std::uint64_t{nvrings} * kVringEntrySize + v.config_len();
  if (need > static_cast<std::uint64_t>(avail))
    return resource_error("vdev rsc is truncated",
                          format("%u vrings and config_len %u need %llu bytes, %d left", nvrings,
                                 v.config_len(), static_cast<unsigned long long>(need), avail),
                          entry);
  if (v.reserved(0) != 0 || v.reserved(1) != 0)
    return resource_error("vdev rsc has non zero reserved bytes", "", entry + rsc::kVdevReserved);
  // struct rproc_vdev holds two vrings.
  if (nvrings > 2)
    return resource_error(format("too many vrings: %u", nvrings), "",
                          entry + rsc::kVdevNumOfVrings);
  rvdev->id = v.id();
  rvdev->num_of_vrings = nvrings;
  for (unsigned i = 0; i < nvrings; ++i) {
    // rproc_parse_vring
    rvdev->vring[i].num = v.vring(i).num();
    rvdev->vring[i].align = v.vring(i).align();
    if (rvdev->vring[i].num == 0 || rvdev->vring[i].align == 0)
      return resource_error(
          format("invalid qsz (%u) or alignment (%u)", rvdev->vring[i].num, rvdev->vring[i].align),
          "", v.vring(i).address());
  }
  for (unsigned i = 0; i < nvrings; ++i) {
    const int err = alloc_vring(*rvdev, i);
    if (err != 0) return err;
  }
  rvdevs_.push_back(std::move(rvdev));
  return 0;
}

int TccRproc::handle_trace(std::int64_t offset, std::int32_t avail) {
  const hal::Addr entry = table_ptr_ + offset;
  if (kTraceBodySize > static_cast<std::uint32_t>(avail))
    return resource_error("trace rsc is truncated", "", entry);
  if (hal_.read32(entry + rsc::kTraceReserved) != 0)
    return resource_error("trace rsc has non zero reserved bytes", "", entry + rsc::kTraceReserved);
  // rproc_da_to_va: without a da_to_va op only the carve-outs can translate.
  const std::uint32_t da = hal_.read32(entry + rsc::kTraceDa);
  const std::uint32_t len = hal_.read32(entry + rsc::kTraceLen);
  for (const RprocCarveout& c : carveouts_)
    if (da >= c.da && std::uint64_t{da} - c.da + len <= c.len) return 0;
  return resource_error("erroneous trace resource entry",
                        format("da 0x%x len %u is in no carve-out", da, len),
                        entry + rsc::kTraceDa);
}

} // namespace sim::sw::lnx
