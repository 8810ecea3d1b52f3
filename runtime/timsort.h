// Timsort as CPython 3.11's list.sort runs it (Objects/listsort.txt): natural runs extended
// to a minimum length by binary insertion, merged in powersort's order, with galloping.
//
// Why not std::stable_sort: a comparison may run Python code (`__lt__`), so which pairs are
// compared, and in what order, is observable (a program counting its comparisons, or printing
// them); a comparison that raises leaves the list partly sorted, and how far is observable;
// and with an inconsistent order (NaN among floats) the result depends on the algorithm.
// Following CPython's steps makes all three come out as CPython's.
//
// timsort(a, n, lt) sorts a[0..n) stably, where lt(x, y) is "x < y" and may throw. When it
// throws, a[0..n) still holds every element once (in the partly sorted order CPython leaves).
#pragma once

#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

namespace rt {

namespace timsort_detail {

constexpr ptrdiff_t kMinGallop = 7;
constexpr int kMaxPending = 85;  // enough for 2**64 elements

// The minimum run length for [n] elements: n itself below 64, else a number in [32, 64] such
// that n / minrun is a power of two or just below one.
inline ptrdiff_t compute_minrun(ptrdiff_t n) {
  ptrdiff_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

// Powersort's "power" of the boundary between the runs [s1, s1+n1) and [s1+n1, s1+n1+n2) of
// a list of [n]: the first bit where the binary expansions of their midpoints over n differ.
inline int powerloop(ptrdiff_t s1, ptrdiff_t n1, ptrdiff_t n2, ptrdiff_t n) {
  int result = 0;
  ptrdiff_t a = 2 * s1 + n1;  // twice the first midpoint, so that it is an integer
  ptrdiff_t b = a + n1 + n2;  // twice the second
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

template <class T, class Lt>
class Sorter {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  Sorter(T* base, ptrdiff_t n, Lt& lt) : base_(base), n_(n), lt_(lt) {}

  void sort() {
    ptrdiff_t remaining = n_;
    if (remaining < 2) return;
    ptrdiff_t minrun = compute_minrun(remaining);
    T* lo = base_;
    do {
      bool descending;
      ptrdiff_t n = count_run(lo, lo + remaining, &descending);
      if (descending) reverse(lo, lo + n);
      if (n < minrun) {
        ptrdiff_t force = remaining <= minrun ? remaining : minrun;
        binary_insertion(lo, lo + force, lo + n);
        n = force;
      }
      found_new_run(n);
      pending_[npending_++] = {lo, n, 0};
      lo += n;
      remaining -= n;
    } while (remaining);
    force_collapse();
  }

 private:
  struct Run {
    T* base;
    ptrdiff_t len;
    int power;
  };

  bool lt(const T& x, const T& y) { return lt_(x, y); }

  static void reverse(T* lo, T* hi) {
    for (--hi; lo < hi; ++lo, --hi) std::swap(*lo, *hi);
  }

  // The length of the run starting at [lo]: ascending (a[i] <= a[i+1]) or strictly
  // descending (then *descending is set, and the caller reverses it, which stays stable).
  ptrdiff_t count_run(T* lo, T* hi, bool* descending) {
    *descending = false;
    if (lo + 1 == hi) return 1;
    ptrdiff_t n = 2;
    if (lt(lo[1], lo[0])) {
      *descending = true;
      for (lo += 2; lo < hi && lt(lo[0], lo[-1]); ++lo) ++n;
    } else {
      for (lo += 2; lo < hi && !lt(lo[0], lo[-1]); ++lo) ++n;
    }
    return n;
  }

  // Sorts [lo, hi) given that [lo, start) is sorted, inserting each next element at the place a
  // binary search finds (after its equals: stable). A comparison that throws does so before the
  // element moves.
  void binary_insertion(T* lo, T* hi, T* start) {
    if (lo == start) ++start;
    for (; start < hi; ++start) {
      T* l = lo;
      T* r = start;
      T pivot = *r;
      do {
        T* p = l + ((r - l) >> 1);
        if (lt(pivot, *p))
          r = p;
        else
          l = p + 1;
      } while (l < r);
      std::memmove(static_cast<void*>(l + 1), l, size_t(start - l) * sizeof(T));
      *l = pivot;
    }
  }

  // The index k in sorted a[0..n) at which to insert [key] before its equals:
  // a[k-1] < key <= a[k]. The search starts at a[hint] and gallops outwards from there.
  ptrdiff_t gallop_left(const T& key, const T* a, ptrdiff_t n, ptrdiff_t hint) {
    const T* ah = a + hint;
    ptrdiff_t lastofs = 0, ofs = 1;
    if (lt(*ah, key)) {
      // a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs].
      ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        if (!lt(ah[ofs], key)) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      // key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs].
      ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        if (lt(*(ah - ofs), key)) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      ptrdiff_t k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    // a[lastofs] < key <= a[ofs]: binary search in between.
    ++lastofs;
    while (lastofs < ofs) {
      ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(a[m], key))
        lastofs = m + 1;
      else
        ofs = m;
    }
    return ofs;
  }

  // As gallop_left, but after [key]'s equals: a[k-1] <= key < a[k].
  ptrdiff_t gallop_right(const T& key, const T* a, ptrdiff_t n, ptrdiff_t hint) {
    const T* ah = a + hint;
    ptrdiff_t lastofs = 0, ofs = 1;
    if (lt(key, *ah)) {
      // key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs].
      ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        if (!lt(key, *(ah - ofs))) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      ptrdiff_t k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      // a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs].
      ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        if (lt(key, ah[ofs])) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(key, a[m]))
        ofs = m;
      else
        lastofs = m + 1;
    }
    return ofs;
  }

  static void move(T* dest, const T* src, ptrdiff_t n) {
    std::memmove(static_cast<void*>(dest), src, size_t(n) * sizeof(T));
  }

  // Merges the adjacent sorted runs a[0..na) and b[0..nb) (b == a + na) in place, na <= nb:
  // a is copied aside and merged from the left. Whatever a comparison throws, the elements
  // of a still aside are copied back into the gap first.
  void merge_lo(T* a, ptrdiff_t na, T* b, ptrdiff_t nb) {
    tmp_.assign(a, a + na);
    T* dest = a;
    T* pa = tmp_.data();
    ptrdiff_t min_gallop = min_gallop_;
    auto put_back = [&] {
      if (na) move(dest, pa, na);
    };
    try {
      *dest++ = *b++;
      if (--nb == 0) return put_back();
      if (na == 1) return copy_b_then_a(dest, b, nb, pa);
      for (;;) {
        ptrdiff_t acount = 0, bcount = 0;
        // One element at a time until one run seems to win consistently.
        for (;;) {
          if (lt(*b, *pa)) {
            *dest++ = *b++;
            ++bcount;
            acount = 0;
            if (--nb == 0) return put_back();
            if (bcount >= min_gallop) break;
          } else {
            *dest++ = *pa++;
            ++acount;
            bcount = 0;
            if (--na == 1) return copy_b_then_a(dest, b, nb, pa);
            if (acount >= min_gallop) break;
          }
        }
        // Gallop while it pays, making it easier to enter again the longer it lasts.
        ++min_gallop;
        do {
          min_gallop -= min_gallop > 1;
          min_gallop_ = min_gallop;
          ptrdiff_t k = gallop_right(*b, pa, na, 0);
          acount = k;
          if (k) {
            move(dest, pa, k);
            dest += k;
            pa += k;
            na -= k;
            if (na == 1) return copy_b_then_a(dest, b, nb, pa);
            // Only an inconsistent comparison gets here with na == 0.
            if (na == 0) return put_back();
          }
          *dest++ = *b++;
          if (--nb == 0) return put_back();
          k = gallop_left(*pa, b, nb, 0);
          bcount = k;
          if (k) {
            move(dest, b, k);
            dest += k;
            b += k;
            nb -= k;
            if (nb == 0) return put_back();
          }
          *dest++ = *pa++;
          if (--na == 1) return copy_b_then_a(dest, b, nb, pa);
        } while (acount >= kMinGallop || bcount >= kMinGallop);
        ++min_gallop;  // leaving galloping mode costs
        min_gallop_ = min_gallop;
      }
    } catch (...) {
      put_back();
      throw;
    }
  }
  // merge_lo's end when one element of a is left: it goes after the rest of b.
  static void copy_b_then_a(T* dest, T* b, ptrdiff_t nb, T* pa) {
    move(dest, b, nb);
    dest[nb] = *pa;
  }

  // Merges a[0..na) and b[0..nb) (b == a + na) in place, na > nb: b is copied aside and
  // merged from the right.
  void merge_hi(T* a, ptrdiff_t na, T* b, ptrdiff_t nb) {
    tmp_.assign(b, b + nb);
    T* basea = a;
    T* baseb = tmp_.data();
    T* dest = b + nb - 1;
    T* pb = baseb + nb - 1;
    T* pa = a + na - 1;
    ptrdiff_t min_gallop = min_gallop_;
    auto put_back = [&] {
      if (nb) move(dest - (nb - 1), baseb, nb);
    };
    auto copy_a_then_b = [&] {
      // One element of b is left: it goes before the rest of a.
      dest -= na;
      pa -= na;
      move(dest + 1, pa + 1, na);
      *dest = *pb;
    };
    try {
      *dest-- = *pa--;
      if (--na == 0) return put_back();
      if (nb == 1) return copy_a_then_b();
      for (;;) {
        ptrdiff_t acount = 0, bcount = 0;
        for (;;) {
          if (lt(*pb, *pa)) {
            *dest-- = *pa--;
            ++acount;
            bcount = 0;
            if (--na == 0) return put_back();
            if (acount >= min_gallop) break;
          } else {
            *dest-- = *pb--;
            ++bcount;
            acount = 0;
            if (--nb == 1) return copy_a_then_b();
            if (bcount >= min_gallop) break;
          }
        }
        ++min_gallop;
        do {
          min_gallop -= min_gallop > 1;
          min_gallop_ = min_gallop;
          ptrdiff_t k = na - gallop_right(*pb, basea, na, na - 1);
          acount = k;
          if (k) {
            dest -= k;
            pa -= k;
            move(dest + 1, pa + 1, k);
            na -= k;
            if (na == 0) return put_back();
          }
          *dest-- = *pb--;
          if (--nb == 1) return copy_a_then_b();
          k = nb - gallop_left(*pa, baseb, nb, nb - 1);
          bcount = k;
          if (k) {
            dest -= k;
            pb -= k;
            move(dest + 1, pb + 1, k);
            nb -= k;
            if (nb == 1) return copy_a_then_b();
            // Only an inconsistent comparison gets here with nb == 0.
            if (nb == 0) return put_back();
          }
          *dest-- = *pa--;
          if (--na == 0) return put_back();
        } while (acount >= kMinGallop || bcount >= kMinGallop);
        ++min_gallop;
        min_gallop_ = min_gallop;
      }
    } catch (...) {
      put_back();
      throw;
    }
  }

  // Merges the pending runs i and i+1.
  void merge_at(int i) {
    T* a = pending_[i].base;
    ptrdiff_t na = pending_[i].len;
    T* b = pending_[i + 1].base;
    ptrdiff_t nb = pending_[i + 1].len;
    pending_[i].len = na + nb;
    if (i == npending_ - 3) pending_[i + 1] = pending_[i + 2];
    --npending_;
    // Elements of a before b's first element's place, and of b after a's last element's
    // place, are already where they belong.
    ptrdiff_t k = gallop_right(*b, a, na, 0);
    a += k;
    na -= k;
    if (na == 0) return;
    nb = gallop_left(a[na - 1], b, nb, nb - 1);
    if (nb <= 0) return;
    if (na <= nb)
      merge_lo(a, na, b, nb);
    else
      merge_hi(a, na, b, nb);
  }

  // A run of [n2] follows the top pending run: merge the pending runs whose boundary power is
  // above the new boundary's.
  void found_new_run(ptrdiff_t n2) {
    if (npending_ == 0) return;
    Run& top = pending_[npending_ - 1];
    int power = powerloop(top.base - base_, top.len, n2, n_);
    while (npending_ > 1 && pending_[npending_ - 2].power > power) merge_at(npending_ - 2);
    pending_[npending_ - 1].power = power;
  }

  void force_collapse() {
    while (npending_ > 1) {
      int n = npending_ - 2;
      if (n > 0 && pending_[n - 1].len < pending_[n + 1].len) --n;
      merge_at(n);
    }
  }

  T* base_;
  ptrdiff_t n_;
  Lt& lt_;
  ptrdiff_t min_gallop_ = kMinGallop;
  Run pending_[kMaxPending];
  int npending_ = 0;
  std::vector<T> tmp_;
};

}  // namespace timsort_detail

template <class T, class Lt>
void timsort(T* a, size_t n, Lt lt) {
  timsort_detail::Sorter<T, Lt>(a, ptrdiff_t(n), lt).sort();
}

}  // namespace rt
