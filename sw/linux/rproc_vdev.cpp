// SPDX-License-Identifier: Apache-2.0
#include "sw/linux/rproc_vdev.h"

#include "sw/linux/virtio_rpmsg_bus.h"
#include "sw/shm/layout.h"

namespace sim::sw::lnx {
namespace {

constexpr std::uint64_t kPageSize = 4096;
// Transport feature bits virtio_ring keeps (vring_transport_features) that fit the 32-bit
// dfeatures field: VIRTIO_RING_F_INDIRECT_DESC (28) and VIRTIO_RING_F_EVENT_IDX (29).
constexpr unsigned kRingFIndirectDesc = 28;
constexpr unsigned kRingFEventIdx = 29;
constexpr unsigned kTransportFStart = 28;
constexpr unsigned kTransportFEnd = 38;

} // namespace

RprocVdev::RprocVdev(TccRproc& rproc, hal::Hal& hal, Printk& printk, const LinuxOptions& options,
                     LinuxStatus& status, unsigned index, hal::Addr rsc_entry)
    : rproc_(rproc), hal_(hal), printk_(printk), options_(options), status_(status), index_(index),
      rsc_entry_(rsc_entry), dev_name_("virtio" + std::to_string(index)) {}

RprocVdev::~RprocVdev() = default;

void RprocVdev::device_ready() {
  const std::uint8_t s = get_status();
  // BUG_ON(status & DRIVER_OK): only a remote writing the status byte could get here.
  if ((s & shm::rsc::kStatusDriverOk) != 0)
    hal_.panic("kernel BUG at drivers/virtio/virtio.c: virtio_device_ready with DRIVER_OK set");
  set_status(static_cast<std::uint8_t>(s | shm::rsc::kStatusDriverOk));
}

hal::Addr RprocVdev::dma_alloc(std::uint64_t size) {
  if (pool_ == nullptr || size == 0) return 0;
  // get_order(size): the allocation is a power-of-two number of pages, aligned to itself.
  std::uint64_t pages = 1;
  while (pages * kPageSize < size) pages <<= 1;
  const std::uint64_t total = pool_pages_.size();
  for (std::uint64_t first = 0; first + pages <= total; first += pages) {
    bool free = true;
    for (std::uint64_t p = first; p < first + pages && free; ++p) free = !pool_pages_[p];
    if (!free) continue;
    for (std::uint64_t p = first; p < first + pages; ++p) pool_pages_[p] = true;
    return pool_->base + first * kPageSize;
  }
  return 0;
}

void RprocVdev::free_vring(unsigned i) {
  // rproc_free_vring: the table entry is reset as Linux leaves it.
  rsc().vring(i).set_da(0);
  rsc().vring(i).set_notifyid(0xffffffffu);
}

int RprocVdev::find_vq(unsigned qi, Virtqueue::Callback callback, const char* name,
                       Virtqueue** out) {
  if (qi >= 2) return kEinval;
  const RprocCarveout* mem =
      rproc_.find_carveout("vdev" + std::to_string(index_) + "vring" + std::to_string(qi));
  if (mem == nullptr) return kEnomem;
  RprocVring& rvring = vring[qi];
  // "zero vring": the whole ring, unaligned size, one memset of Normal-NC memory.
  const std::uint64_t size = shm::vring_size(rvring.num, rvring.align);
  const std::vector<std::uint8_t> zeros(size, 0);
  hal_.write(mem->base, zeros.data(), zeros.size());
  Virtqueue::Config cfg;
  cfg.index = qi;
  cfg.name = name;
  cfg.base = mem->base;
  cfg.num = rvring.num;
  cfg.align = rvring.align;
  cfg.event_idx = has_feature(kRingFEventIdx);
  const int notifyid = rvring.notifyid;
  auto vq = Virtqueue::create(
      hal_, printk_, dev_name_, cfg,
      [this, notifyid](Virtqueue&) {
        rproc_.kick(notifyid); // rproc_virtio_notify always reports success
        return true;
      },
      std::move(callback));
  if (!vq) {
    printk_.dev(KernLevel::kErr, "virtio_rpmsg_bus", dev_name_,
                std::string("vring_new_virtqueue ") + name + " failed");
    free_vring(qi);
    return kEnomem;
  }
  rvring.vq = vq.get();
  *out = vq.get();
  vqs_[qi] = std::move(vq);
  rsc().vring(qi).set_da(mem->da);
  return 0;
}

int RprocVdev::find_vqs(const Virtqueue::Callback callbacks[2], const char* const names[2],
                        Virtqueue* vqs[2]) {
  for (unsigned i = 0; i < 2; ++i) {
    // A vdev entry with fewer vrings leaves rvdev->vring[i] unparsed: treated as -EINVAL here.
    int err = i < num_of_vrings ? find_vq(i, callbacks[i], names[i], &vqs[i]) : kEinval;
    if (err != 0) {
      del_vqs();
      return err;
    }
  }
  return 0;
}

void RprocVdev::del_vqs() {
  for (unsigned i = 0; i < 2; ++i) {
    vring[i].vq = nullptr;
    vqs_[i].reset();
  }
}

int RprocVdev::start(const std::vector<RpmsgDriver*>& drivers) {
  // rproc_add_virtio_dev: the buffer carve-out is the vdev's DMA pool.
  pool_ = rproc_.find_carveout("vdev" + std::to_string(index_) + "buffer");
  if (pool_ != nullptr) pool_pages_.assign(pool_->len / kPageSize, false);

  // register_virtio_device: reset, then ACKNOWLEDGE before the bus looks for a driver.
  set_status(0);
  add_status(shm::rsc::kStatusAcknowledge);
  if (id != shm::rsc::kVirtioIdRpmsg) return 0; // no driver matches: the device just sits there

  // virtio_dev_probe.
  add_status(shm::rsc::kStatusDriver);
  const std::uint64_t device_features = rsc().dfeatures();
  const std::uint64_t driver_features = std::uint64_t{1} << shm::rsc::kVirtioRpmsgFNs;
  features_ = device_features & driver_features;
  for (unsigned bit = kTransportFStart; bit < kTransportFEnd; ++bit)
    if (((device_features >> bit) & 1u) != 0) features_ |= std::uint64_t{1} << bit;
  // rproc_virtio_finalize_features: vring_transport_features drops what virtio_ring does not
  // know, then the result goes to the remote through gfeatures.
  for (unsigned bit = kTransportFStart; bit < kTransportFEnd; ++bit)
    if (bit != kRingFIndirectDesc && bit != kRingFEventIdx) features_ &= ~(std::uint64_t{1} << bit);
  rsc().set_gfeatures(static_cast<std::uint32_t>(features_));

  rpmsg_ = std::make_unique<VirtioRpmsgBus>(*this, options_, status_, drivers);
  const int err = rpmsg_->probe();
  if (err != 0) {
    add_status(shm::rsc::kStatusFailed);
    printk_.print(KernLevel::kWarn, format("virtio_rpmsg_bus: probe of %s failed with error %d",
                                           dev_name_.c_str(), err));
    return err;
  }
  if ((get_status() & shm::rsc::kStatusDriverOk) == 0) device_ready();
  return 0;
}

} // namespace sim::sw::lnx
