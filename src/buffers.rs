//! Buffers the stages keep in per-thread scratch from article to article, so that an article
//! grows into memory already held instead of allocating its intermediate results anew.

/// A buffer kept from the last article, taken out of its holder emptied but with its
/// capacity: the stages hold their buffers in per-thread scratch and take them this way.
pub(crate) fn emptied<T>(buf: &mut Vec<T>) -> Vec<T> {
    let mut v = std::mem::take(buf);
    v.clear();
    v
}
