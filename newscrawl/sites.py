"""The Tribun Network site table: one row per crawlable site, the only place hosts and zones live.

Source: the 2024 Tribun Network menu (docs/site-structure.md §6, [R4]); the time zone follows the
province (WIB for Sumatra, Java and West/Central Kalimantan; WITA for Bali, Nusa Tenggara,
East/North/South Kalimantan and Sulawesi; WIT for Maluku and Papua). The Makassar header
carries "+08:00" [R4], which confirms the WITA row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")

ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

NETWORK_DOMAIN = "tribunnews.com"


@dataclass(frozen=True, slots=True)
class Site:
    """One Tribun site: its subdomain key, brand, display name and local time zone."""

    key: str
    brand: str
    name: str
    zone_name: str
    sections: tuple[str, ...] = ()
    """Sections whose own index-news is walked when the plain index is capped (§4.3, §4.4)."""

    @property
    def host(self) -> str:
        return f"{self.key}.{NETWORK_DOMAIN}"

    @property
    def base_url(self) -> str:
        return f"https://{self.host}"

    @property
    def tz(self) -> timezone:
        return ZONES[self.zone_name]


def _site(
    key: str, brand: str, name: str, zone: str = "WIB", sections: tuple[str, ...] = ()
) -> Site:
    return Site(key=key, brand=brand, name=name, zone_name=zone, sections=sections)


# www's sections (docs/site-structure.md §4.3, [R2][C10][C1][P9][F11]); a regional site's index is
# small enough that its plain index-news is never capped.
WWW_SECTIONS = (
    "news", "nasional", "internasional", "regional", "metropolitan", "bisnis", "new-economy",
    "superskor", "sport", "seleb", "musik", "lifestyle", "travel", "parapuan", "otomotif",
    "techno", "kesehatan", "pendidikan", "tribunners", "kilas-kementerian", "mata-lokal-memilih",
    "podcast",
)  # fmt: skip


SITES: dict[str, Site] = {
    s.key: s
    for s in (
        _site("www", "Tribunnews.com", "Tribunnews.com", sections=WWW_SECTIONS),
        # Aceh, Sumatra
        _site("aceh", "SerambiNews.com", "Serambi Indonesia"),
        _site("prohaba", "Prohaba.co", "Prohaba"),
        _site("gayo", "TribunGayo.com", "Tribun Gayo"),
        _site("medan", "Tribun-Medan.com", "Tribun Medan"),
        _site("padang", "TribunPadang.com", "Tribun Padang"),
        _site("pekanbaru", "TribunPekanbaru.com", "Tribun Pekanbaru"),
        _site("batam", "TribunBatam.id", "Tribun Batam"),
        _site("jambi", "TribunJambi.com", "Tribun Jambi"),
        _site("sumsel", "TribunSumsel.com", "Tribun Sumsel"),
        _site("palembang", "Sripoku.com", "Sriwijaya Post"),
        _site("bangka", "BangkaPos.com", "Bangka Pos"),
        _site("belitung", "PosBelitung.co", "Pos Belitung"),
        _site("babel", "BabelNews.id", "Babel News"),
        _site("bengkulu", "TribunBengkulu.com", "Tribun Bengkulu"),
        _site("lampung", "TribunLampung.co.id", "Tribun Lampung"),
        # Jakarta, Banten, Java
        _site("jakarta", "TribunJakarta.com", "Tribun Jakarta"),
        _site("wartakota", "WartaKotalive.com", "Warta Kota"),
        _site("banten", "TribunBanten.com", "Tribun Banten"),
        _site("tangerang", "TribunTangerang.com", "Tribun Tangerang"),
        _site("jabar", "TribunJabar.id", "Tribun Jabar"),
        _site("depok", "TribunnewsDepok.com", "Tribunnews Depok"),
        _site("bekasi", "TribunBekasi.com", "Tribun Bekasi"),
        _site("bogor", "TribunnewsBogor.com", "Tribunnews Bogor"),
        _site("priangan", "TribunPriangan.com", "Tribun Priangan"),
        _site("cirebon", "TribunCirebon.com", "Tribun Cirebon"),
        _site("jateng", "TribunJateng.com", "Tribun Jateng"),
        _site("solo", "TribunSolo.com", "Tribun Solo"),
        _site("banyumas", "TribunBanyumas.com", "Tribun Banyumas"),
        _site("muria", "TribunMuria.com", "Tribun Muria"),
        _site("pantura", "Tribun-Pantura.com", "Tribun Pantura"),
        _site("mataraman", "TribunMataraman.com", "Tribun Mataraman"),
        _site("jatim", "TribunJatim.com", "Tribun Jatim"),
        _site("surabaya", "Surya.co.id", "Surya"),
        _site("suryamalang", "SuryaMalang.com", "Surya Malang"),
        _site("madura", "TribunMadura.com", "Tribun Madura"),
        _site("jatim-timur", "TribunJatim-Timur.com", "Tribun Jatim Timur"),
        _site("jogja", "TribunJogja.com", "Tribun Jogja"),
        # Kalimantan (west and central are WIB)
        _site("pontianak", "TribunPontianak.co.id", "Tribun Pontianak"),
        _site("kalteng", "TribunKalteng.com", "Tribun Kalteng"),
        # WITA: Bali, Nusa Tenggara, east/north/south Kalimantan, Sulawesi
        _site("bali", "Tribun-Bali.com", "Tribun Bali", "WITA"),
        _site("kaltim", "TribunKaltim.co", "Tribun Kaltim", "WITA"),
        _site("kaltara", "TribunKaltara.com", "Tribun Kaltara", "WITA"),
        _site("banjarmasin", "BanjarmasinPost.co.id", "Banjarmasin Post", "WITA"),
        _site("sulbar", "Tribun-Sulbar.com", "Tribun Sulbar", "WITA"),
        _site("makassar", "Tribun-Timur.com", "Tribun Timur", "WITA"),
        _site("toraja", "TribunToraja.com", "Tribun Toraja", "WITA"),
        _site("sultra", "TribunnewsSultra.com", "Tribunnews Sultra", "WITA"),
        _site("palu", "TribunPalu.com", "Tribun Palu", "WITA"),
        _site("manado", "TribunManado.co.id", "Tribun Manado", "WITA"),
        _site("gorontalo", "TribunGorontalo.com", "Tribun Gorontalo", "WITA"),
        _site("lombok", "TribunLombok.com", "Tribun Lombok", "WITA"),
        _site("mataram", "TribunMataram.com", "Tribun Mataram", "WITA"),
        _site("flores", "TribunFlores.com", "Tribun Flores", "WITA"),
        _site("kupang", "Pos-Kupang.com", "Pos Kupang", "WITA"),
        # WIT: Maluku and Papua
        _site("ternate", "TribunTernate.com", "Tribun Ternate", "WIT"),
        _site("ambon", "TribunAmbon.com", "Tribun Ambon", "WIT"),
        _site("papua", "Tribun-Papua.com", "Tribun Papua", "WIT"),
        _site("papuabarat", "TribunPapuaBarat.com", "Tribun Papua Barat", "WIT"),
        _site("sorong", "TribunSorong.com", "Tribun Sorong", "WIT"),
    )
}

# Hosts that serve www's articles under another name; they are crawled as www.
HOST_ALIASES = {"m.tribunnews.com": "www", "tribunnews.com": "www"}


def site_for_host(host: str) -> Site | None:
    """Return the site a host belongs to, or None for hosts off the network's article sites."""
    host = host.lower().rstrip(".")
    if host.endswith((":443", ":80")):
        host = host.rsplit(":", 1)[0]
    if host in HOST_ALIASES:
        return SITES[HOST_ALIASES[host]]
    suffix = "." + NETWORK_DOMAIN
    if not host.endswith(suffix):
        return None
    return SITES.get(host[: -len(suffix)])


def parse_site_keys(value: str) -> list[Site]:
    """Parse the ``site`` argument: comma-separated keys or ``all``; raise ValueError if unknown."""
    keys = [k.strip().lower() for k in value.split(",") if k.strip()]
    if not keys:
        raise ValueError("site must name at least one site key")
    if keys == ["all"]:
        return list(SITES.values())
    unknown = [k for k in keys if k not in SITES]
    if unknown:
        raise ValueError(
            f"unknown site key(s) {', '.join(unknown)}; valid: all, {', '.join(sorted(SITES))}"
        )
    return [SITES[k] for k in dict.fromkeys(keys)]
