//! Console format directives as Chrome applies them (WHATWG Console "Formatter"): in `console.log(fmt, ...args)`,
//! when `fmt` is a string and arguments follow, `%s %d %i %f %o %O %c` each take the next argument and `%%` is a
//! `%`. `%c` (CSS) takes its argument and prints nothing. A directive with no argument left, and an unknown one,
//! stays as text. Arguments not consumed follow, separated by spaces. A single argument is printed as it is.

/// What a directive prints its argument as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Directive {
    /// `%s`: as a string.
    Str,
    /// `%d`, `%i`: the intrinsic `parseInt(arg)` (`NaN` for a symbol).
    Int,
    /// `%f`: the intrinsic `parseFloat(arg)` (`NaN` for a symbol).
    Float,
    /// `%o`, `%O`: as an object.
    Object,
    /// `%c`: nothing (the CSS of a browser console).
    Css,
}

/// A piece of the formatted line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(String),
    /// The directive for the next argument (arguments are consumed in order).
    Arg(Directive),
}

/// Splits `format` into text and directives, given that `available` arguments follow it.
pub(crate) fn pieces(format: &str, available: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut used = 0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            text.push(c);
            continue;
        }
        let directive = match chars.peek() {
            Some('s') => Directive::Str,
            Some('d' | 'i') => Directive::Int,
            Some('f') => Directive::Float,
            Some('o' | 'O') => Directive::Object,
            Some('c') => Directive::Css,
            Some('%') => {
                chars.next();
                text.push('%');
                continue;
            }
            _ => {
                text.push('%');
                continue;
            }
        };
        if used == available {
            text.push('%');
            continue;
        }
        chars.next();
        used += 1;
        if !text.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut text)));
        }
        out.push(Piece::Arg(directive));
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Piece {
        Piece::Text(s.to_owned())
    }

    #[test]
    fn css_directive_takes_its_argument() {
        assert_eq!(
            pieces("%cStyled%c plain", 2),
            vec![Piece::Arg(Directive::Css), t("Styled"), Piece::Arg(Directive::Css), t(" plain")]
        );
    }

    #[test]
    fn directives_without_arguments_stay_text() {
        assert_eq!(pieces("%s and %s", 1), vec![Piece::Arg(Directive::Str), t(" and %s")]);
        assert_eq!(pieces("%d%i%f%o%O", 5).len(), 5);
    }

    #[test]
    fn percent_escapes_and_unknown_directives() {
        assert_eq!(pieces("100%% %x %", 1), vec![t("100% %x %")]);
        assert_eq!(pieces("%%s", 1), vec![t("%s")]);
    }
}
