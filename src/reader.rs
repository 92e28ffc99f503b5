//! Who is reading, as far as their browser tells: a phone or a computer, which browser, which
//! system. Advice shows the steps for them first (see [`crate::personal`]), and the report
//! names them for support. Read from the user-agent string, and from whether the screen is
//! touch-first (an iPad says it is a Mac); nothing of it is sent anywhere.

/// What the guide knows of the reader's device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reader {
    /// A phone or tablet, rather than a computer.
    pub phone: bool,
    /// The browser, as one of [`BROWSERS`], if recognised.
    pub browser: Option<&'static str>,
    /// The system, as one of [`SYSTEMS`], if recognised.
    pub system: Option<&'static str>,
    /// "Chrome 131 on Linux", for people.
    pub summary: String,
}

/// The kinds of device a section of advice can be for.
pub const DEVICES: [&str; 2] = ["phone", "desktop"];
/// The browsers a section of advice can be for.
pub const BROWSERS: [&str; 5] = ["chrome", "edge", "firefox", "safari", "opera"];
/// The systems a section of advice can be for.
pub const SYSTEMS: [&str; 6] = ["windows", "mac", "linux", "chromeos", "android", "ios"];

impl Reader {
    /// Reads the user agent; `touch_first` is whether the screen takes touch before a mouse.
    pub fn from_user_agent(user_agent: &str, touch_first: bool) -> Reader {
        let has = |marker: &str| user_agent.contains(marker);
        // Order matters: iOS browsers also say Safari, Edge and Opera also say Chrome, Chrome
        // also says Safari, and an iPad asks for the desktop site by saying it is a Mac.
        let browsers = [
            ("EdgiOS/", "edge", "Edge"),
            ("Edg/", "edge", "Edge"),
            ("EdgA/", "edge", "Edge"),
            ("OPR/", "opera", "Opera"),
            ("FxiOS/", "firefox", "Firefox"),
            ("Firefox/", "firefox", "Firefox"),
            ("CriOS/", "chrome", "Chrome"),
            ("Chrome/", "chrome", "Chrome"),
            ("Version/", "safari", "Safari"),
        ];
        let found = browsers.iter().find(|(marker, ..)| has(marker));
        let ipad_as_mac = has("Macintosh") && touch_first;
        let systems = [
            ("Android", "android", "Android"),
            ("iPhone", "ios", "iOS"),
            ("iPad", "ios", "iPadOS"),
            ("CrOS", "chromeos", "ChromeOS"),
            ("Windows", "windows", "Windows"),
            ("Mac OS X", "mac", "macOS"),
            ("Linux", "linux", "Linux"),
        ];
        let system = if ipad_as_mac {
            Some(&("", "ios", "iPadOS"))
        } else {
            systems.iter().find(|(marker, ..)| has(marker))
        };
        let phone = has("Mobi")
            || has("iPhone")
            || has("iPad")
            || has("Android")
            || ipad_as_mac
            || (touch_first && system.is_none());
        let browser_name = found.and_then(|(marker, _, name)| {
            let at = user_agent.find(marker)? + marker.len();
            let version: String = user_agent[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            (!version.is_empty()).then(|| format!("{name} {version}"))
        });
        let summary = format!(
            "{} on {}",
            browser_name.as_deref().unwrap_or("an unknown browser"),
            system.map_or("an unknown system", |(_, _, name)| name)
        );
        Reader {
            phone,
            browser: found.map(|(_, tag, _)| *tag),
            system: system.map(|(_, tag, _)| *tag),
            summary,
        }
    }

    /// Whether a section of advice written for `tags` (devices, browsers, systems) is for this
    /// reader: for each kind of tag the section names, the reader's must be among them.
    pub fn is_for(&self, tags: &[&str]) -> bool {
        let device = if self.phone { "phone" } else { "desktop" };
        let fits = |kind: &[&str], mine: Option<&str>| {
            let named: Vec<&&str> = tags.iter().filter(|tag| kind.contains(tag)).collect();
            named.is_empty() || mine.is_some_and(|mine| named.iter().any(|tag| **tag == mine))
        };
        fits(&DEVICES, Some(device)) && fits(&BROWSERS, self.browser) && fits(&SYSTEMS, self.system)
    }
}

/// Whether `tag` names a device, a browser or a system a section can be written for.
pub fn is_tag(tag: &str) -> bool {
    DEVICES.contains(&tag) || BROWSERS.contains(&tag) || SYSTEMS.contains(&tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHROME_LINUX: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    const EDGE_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
    const FIREFOX_MAC: &str =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0";
    const IPAD_DESKTOP_MODE: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    const CHROME_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";

    fn read(user_agent: &str, touch: bool) -> (bool, Option<&str>, Option<&str>, String) {
        let reader = Reader::from_user_agent(user_agent, touch);
        (reader.phone, reader.browser, reader.system, reader.summary)
    }

    #[test]
    fn devices_browsers_and_systems_are_recognised() {
        assert_eq!(
            read(CHROME_LINUX, false),
            (
                false,
                Some("chrome"),
                Some("linux"),
                "Chrome 131 on Linux".into()
            )
        );
        assert_eq!(
            read(SAFARI_IPHONE, true),
            (true, Some("safari"), Some("ios"), "Safari 17 on iOS".into())
        );
        assert_eq!(
            read(CHROME_ANDROID, true),
            (
                true,
                Some("chrome"),
                Some("android"),
                "Chrome 131 on Android".into()
            )
        );
        assert_eq!(read(EDGE_WINDOWS, false).1, Some("edge"));
        assert_eq!(
            read(FIREFOX_MAC, false),
            (
                false,
                Some("firefox"),
                Some("mac"),
                "Firefox 128 on macOS".into()
            )
        );
        assert_eq!(
            read(IPAD_DESKTOP_MODE, true),
            (
                true,
                Some("safari"),
                Some("ios"),
                "Safari 17 on iPadOS".into()
            ),
            "an iPad that says it is a Mac is told by its touch screen"
        );
        assert_eq!(read(IPAD_DESKTOP_MODE, false).2, Some("mac"));
        assert_eq!(read(CHROME_IPHONE, true).1, Some("chrome"));
        assert_eq!(
            read("curl/8.5.0", false),
            (
                false,
                None,
                None,
                "an unknown browser on an unknown system".into()
            )
        );
    }

    #[test]
    fn a_section_is_for_the_reader_when_every_kind_it_names_fits() {
        let phone = Reader::from_user_agent(SAFARI_IPHONE, true);
        let desktop = Reader::from_user_agent(EDGE_WINDOWS, false);
        assert!(phone.is_for(&["phone"]));
        assert!(!desktop.is_for(&["phone"]));
        assert!(desktop.is_for(&["desktop", "chrome", "edge"]));
        assert!(!desktop.is_for(&["desktop", "firefox"]));
        assert!(phone.is_for(&["ios"]) && !phone.is_for(&["android"]));
        assert!(
            phone.is_for(&[]),
            "a section for nobody in particular is for everyone"
        );
        let unknown = Reader::from_user_agent("curl/8.5.0", false);
        assert!(!unknown.is_for(&["chrome"]));
        assert!(unknown.is_for(&["desktop"]));
    }

    #[test]
    fn tags_are_the_three_kinds() {
        assert!(is_tag("phone") && is_tag("safari") && is_tag("windows"));
        assert!(!is_tag("netscape") && !is_tag(""));
    }
}
