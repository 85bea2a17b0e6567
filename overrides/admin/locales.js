// Interface strings of the editors' web form. Decap CMS ships Swedish but not Finnish: "fi" is
// a complete Finnish locale (every key of Decap's English locale, tests/test_admin_assets.py
// checks it); "sv" fills in the keys Decap's own Swedish locale lacks. form.js registers both.
// The object below is plain JSON so that the test can read it.
window.TORI_LOCALES = {
"fi": {
  "auth": {
    "login": "Kirjaudu sisään",
    "loggingIn": "Kirjaudutaan sisään…",
    "loginWithNetlifyIdentity": "Kirjaudu Netlify Identity -tunnuksella",
    "loginWithAzure": "Kirjaudu Azure-tunnuksella",
    "loginWithBitbucket": "Kirjaudu Bitbucket-tunnuksella",
    "loginWithGitHub": "Kirjaudu GitHub-tunnuksella",
    "loginWithGitLab": "Kirjaudu GitLab-tunnuksella",
    "loginWithGitea": "Kirjaudu Gitea-tunnuksella",
    "loginWithForgejo": "Kirjaudu Forgejo-tunnuksella",
    "errors": {
      "email": "Anna sähköpostiosoitteesi.",
      "password": "Anna salasanasi.",
      "identitySettings": "Tunnistautumisen asetuksia ei saatu. Jos käytössä on git-gateway-taustapalvelu, varmista, että Identity- ja Git Gateway -palvelut on otettu käyttöön."
    }
  },
  "app": {
    "header": {
      "content": "Sisältö",
      "workflow": "Työnkulku",
      "media": "Kuvat ja tiedostot",
      "quickAdd": "Lisää uusi"
    },
    "app": {
      "errorHeader": "Lomakkeen asetusten lataaminen epäonnistui",
      "configErrors": "Virheet asetuksissa",
      "checkConfigYml": "Tarkista config.yml-tiedosto.",
      "loadingConfig": "Ladataan asetuksia…",
      "waitingBackend": "Odotetaan yhteyttä palvelimeen…"
    },
    "notFoundPage": {
      "header": "Sivua ei löytynyt"
    }
  },
  "collection": {
    "sidebar": {
      "collections": "Kokoelmat",
      "allCollections": "Kaikki kokoelmat",
      "searchAll": "Hae kaikista",
      "searchIn": "Hae kokoelmasta"
    },
    "collectionTop": {
      "sortBy": "Järjestä",
      "viewAs": "Näytä",
      "viewAsList": "Näytä luettelona",
      "viewAsGrid": "Näytä ruudukkona",
      "newButton": "＋ %{collectionLabel}",
      "newButtonAriaLabel": "Luo uusi: %{collectionLabel}",
      "ascending": "Nousevaan järjestykseen",
      "descending": "Laskevaan järjestykseen",
      "searchResults": "Hakutulokset haulle ”%{searchTerm}”",
      "searchResultsInCollection": "Hakutulokset haulle ”%{searchTerm}” kokoelmassa %{collection}",
      "filterBy": "Rajaa",
      "groupBy": "Ryhmittele"
    },
    "entries": {
      "loadingEntries": "Ladataan tarinoita…",
      "cachingEntries": "Tallennetaan tarinoita välimuistiin…",
      "longerLoading": "Tämä voi kestää useita minuutteja",
      "noEntries": "Ei tarinoita",
      "unpublishedHeader": "Julkaisemattomat"
    },
    "groups": {
      "other": "Muut",
      "negateLabel": "Ei %{label}"
    },
    "defaultFields": {
      "author": {
        "label": "Tekijä"
      },
      "updatedOn": {
        "label": "Päivitetty"
      }
    }
  },
  "editor": {
    "editorControl": {
      "field": {
        "optional": "vapaaehtoinen",
        "widgetLabel": "Kenttä %{widgetLabel}"
      }
    },
    "editorControlPane": {
      "widget": {
        "required": "%{fieldLabel} on pakollinen tieto.",
        "regexPattern": "%{fieldLabel}: %{pattern}.",
        "processing": "Kenttää %{fieldLabel} käsitellään.",
        "range": "Kentän %{fieldLabel} arvon on oltava välillä %{minValue}–%{maxValue}.",
        "min": "Kentän %{fieldLabel} arvon on oltava vähintään %{minValue}.",
        "max": "Kentän %{fieldLabel} arvon on oltava enintään %{maxValue}.",
        "rangeCount": "Valitse kenttään %{fieldLabel} %{minCount}–%{maxCount} kohtaa.",
        "rangeCountExact": "Valitse kenttään %{fieldLabel} täsmälleen %{count} kohtaa.",
        "rangeMin": "Valitse kenttään %{fieldLabel} vähintään %{minCount} kohtaa.",
        "rangeMax": "Valitse kenttään %{fieldLabel} enintään %{maxCount} kohtaa.",
        "invalidPath": "”%{path}” ei ole kelvollinen polku.",
        "pathExists": "Polku ”%{path}” on jo olemassa."
      },
      "i18n": {
        "writingInLocale": "Kirjoitat kielellä %{locale}",
        "copyFromLocale": "Täytä toisen kielen tiedoilla",
        "copyFromLocaleConfirm": "Haluatko täyttää kentät kielen %{locale} tiedoilla?\nKaikki tämän kielen nykyinen sisältö korvataan."
      }
    },
    "editor": {
      "onLeavePage": "Haluatko varmasti poistua sivulta?",
      "onUpdatingWithUnsavedChanges": "Sinulla on tallentamattomia muutoksia. Tallenna ne ennen kuin muutat tilaa.",
      "onPublishingNotReady": "Muuta tilaksi ”Valmis” ennen julkaisemista.",
      "onPublishingWithUnsavedChanges": "Sinulla on tallentamattomia muutoksia. Tallenna ne ennen julkaisemista.",
      "onPublishing": "Haluatko varmasti julkaista tämän tarinan?",
      "onUnpublishing": "Haluatko varmasti poistaa tämän tarinan julkaisusta?",
      "onDeleteWithUnsavedChanges": "Haluatko varmasti poistaa tämän julkaistun tarinan ja tämän istunnon tallentamattomat muutokset?",
      "onDeletePublishedEntry": "Haluatko varmasti poistaa tämän julkaistun tarinan?",
      "onDeleteUnpublishedChangesWithUnsavedChanges": "Tarinan kaikki julkaisemattomat muutokset ja tämän istunnon tallentamattomat muutokset poistetaan. Haluatko silti poistaa ne?",
      "onDeleteUnpublishedChanges": "Tarinan kaikki julkaisemattomat muutokset poistetaan. Haluatko silti poistaa ne?",
      "loadingEntry": "Ladataan tarinaa…",
      "confirmLoadBackup": "Tästä tarinasta löytyi selaimeen tallentunut varmuuskopio. Haluatko käyttää sitä?"
    },
    "editorInterface": {
      "toggleI18n": "Näytä tai piilota toinen kieli",
      "togglePreview": "Näytä tai piilota esikatselu",
      "toggleScrollSync": "Vieritä yhdessä",
      "toggleNotes": "Näytä tai piilota muistiinpanot"
    },
    "editorNotesPane": {
      "title": "Muistiinpanot",
      "emptyState": "Muistiinpanoja ei vielä ole. Kirjoita ensimmäinen alle.",
      "addNote": "Lisää muistiinpano",
      "addPlaceholder": "Kirjoita muistiinpano…",
      "editPlaceholder": "Muokkaa muistiinpanoa…",
      "save": "Tallenna",
      "cancel": "Peruuta",
      "edit": "Muokkaa",
      "delete": "Poista",
      "resolve": "Merkitse käsitellyksi",
      "unresolve": "Merkitse käsittelemättömäksi",
      "confirmDelete": "Haluatko varmasti poistaa tämän muistiinpanon?",
      "shortcut": "Vinkki: Ctrl+Enter lisää muistiinpanon nopeasti"
    },
    "editorToolbar": {
      "publishing": "Julkaistaan…",
      "publish": "Julkaise",
      "published": "Julkaistu",
      "unpublish": "Poista julkaisusta",
      "duplicate": "Tee kopio",
      "unpublishing": "Poistetaan julkaisusta…",
      "publishAndCreateNew": "Julkaise ja luo uusi",
      "publishAndDuplicate": "Julkaise ja tee kopio",
      "deleteUnpublishedChanges": "Poista julkaisemattomat muutokset",
      "deleteUnpublishedEntry": "Poista julkaisematon tarina",
      "deletePublishedEntry": "Poista julkaistu tarina",
      "deleteEntry": "Poista tarina",
      "saving": "Tallennetaan…",
      "save": "Tallenna",
      "statusInfoTooltipDraft": "Tarina on luonnos. Kun se on valmis tarkastettavaksi, muuta tilaksi ”Tarkastettavana”.",
      "statusInfoTooltipInReview": "Tarinaa tarkastetaan, eikä sinun tarvitse tehdä mitään. Voit silti muokata sitä tarkastuksen aikana.",
      "deleting": "Poistetaan…",
      "updating": "Päivitetään…",
      "status": "Tila: %{status}",
      "backCollection": " Kirjoitat kokoelmaan %{collectionLabel}",
      "unsavedChanges": "Tallentamattomia muutoksia",
      "changesSaved": "Muutokset tallennettu",
      "draft": "Luonnos",
      "inReview": "Tarkastettavana",
      "ready": "Valmis",
      "publishNow": "Julkaise nyt",
      "deployPreviewPendingButtonLabel": "Tarkista esikatselu",
      "deployPreviewButtonLabel": "Näytä esikatselu",
      "deployButtonLabel": "Näytä sivustolla"
    },
    "editorWidgets": {
      "markdown": {
        "bold": "Lihavointi",
        "italic": "Kursiivi",
        "strikethrough": "Yliviivaus",
        "code": "Koodi",
        "link": "Linkki",
        "linkPrompt": "Anna linkin osoite",
        "headings": "Otsikot",
        "quote": "Lainaus",
        "bulletedList": "Luettelo",
        "numberedList": "Numeroitu luettelo",
        "addComponent": "Lisää osa",
        "richText": "Muotoiltu teksti",
        "markdown": "Markdown",
        "toggleMode": {
          "rich": "Vaihda muotoiltuun tekstiin",
          "markdown": "Vaihda Markdown-tilaan"
        }
      },
      "image": {
        "choose": "Valitse kuva",
        "chooseMultiple": "Valitse kuvat",
        "chooseUrl": "Lisää verkko-osoitteesta",
        "replaceUrl": "Korvaa verkko-osoitteella",
        "promptUrl": "Anna kuvan verkko-osoite",
        "chooseDifferent": "Valitse toinen kuva",
        "addMore": "Lisää kuvia",
        "remove": "Poista kuva",
        "removeAll": "Poista kaikki kuvat"
      },
      "file": {
        "choose": "Valitse tiedosto",
        "chooseUrl": "Lisää verkko-osoitteesta",
        "chooseMultiple": "Valitse tiedostot",
        "replaceUrl": "Korvaa verkko-osoitteella",
        "promptUrl": "Anna tiedoston verkko-osoite",
        "chooseDifferent": "Valitse toinen tiedosto",
        "addMore": "Lisää tiedostoja",
        "remove": "Poista tiedosto",
        "removeAll": "Poista kaikki tiedostot"
      },
      "unknownControl": {
        "noControl": "Kenttätyypille ”%{widget}” ei ole syöttötapaa."
      },
      "unknownPreview": {
        "noPreview": "Kenttätyypille ”%{widget}” ei ole esikatselua."
      },
      "headingOptions": {
        "headingOne": "Otsikko 1",
        "headingTwo": "Otsikko 2",
        "headingThree": "Otsikko 3",
        "headingFour": "Otsikko 4",
        "headingFive": "Otsikko 5",
        "headingSix": "Otsikko 6"
      },
      "datetime": {
        "now": "Nyt",
        "clear": "Tyhjennä",
        "setToNow": "Nyt: aseta kenttään %{fieldLabel} tämänhetkinen ajankohta"
      },
      "list": {
        "add": "Lisää: %{item}",
        "addType": "Lisää: %{item}"
      },
      "object": {
        "expand": "Avaa",
        "collapse": "Sulje"
      }
    }
  },
  "mediaLibrary": {
    "mediaLibraryCard": {
      "draft": "Luonnos",
      "copy": "Kopioi",
      "copyUrl": "Kopioi osoite",
      "copyPath": "Kopioi polku",
      "copyName": "Kopioi nimi",
      "copied": "Kopioitu"
    },
    "mediaLibrary": {
      "onDelete": "Haluatko varmasti poistaa valitut tiedostot?",
      "fileTooLarge": "Tiedosto on liian suuri.\nSuurin sallittu koko on %{size} kt."
    },
    "mediaLibraryModal": {
      "loading": "Ladataan…",
      "close": "Sulje",
      "noResults": "Ei tuloksia.",
      "noAssetsFound": "Tiedostoja ei löytynyt.",
      "noImagesFound": "Kuvia ei löytynyt.",
      "private": "Yksityinen ",
      "images": "Kuvat",
      "mediaAssets": "Kuvat ja tiedostot",
      "search": "Hae…",
      "uploading": "Ladataan palvelimelle…",
      "upload": "Lataa kuva",
      "download": "Lataa omalle koneelle",
      "deleting": "Poistetaan…",
      "deleteSelected": "Poista valitut",
      "chooseSelected": "Käytä valittua"
    }
  },
  "ui": {
    "default": {
      "goBackToSite": "Palaa sivustolle"
    },
    "errorBoundary": {
      "title": "Virhe",
      "details": "Tapahtui virhe. Ole hyvä ja ",
      "reportIt": "ilmoita siitä GitHubissa.",
      "detailsHeading": "Tiedot",
      "privacyWarning": "Ilmoitukseen liitetään valmiiksi virheilmoitus ja vianetsintätiedot.\nTarkista, että tiedot pitävät paikkansa, ja poista niistä mahdolliset luottamukselliset tiedot.",
      "recoveredEntry": {
        "heading": "Palautettu teksti",
        "warning": "Kopioi tämä talteen ennen kuin poistut sivulta!",
        "copyButtonLabel": "Kopioi leikepöydälle"
      }
    },
    "settingsDropdown": {
      "logOut": "Kirjaudu ulos",
      "account": "Käyttäjätilin valinnat"
    },
    "toast": {
      "onFailToLoadEntries": "Tarinan lataaminen epäonnistui: %{details}",
      "onFailToLoadDeployPreview": "Esikatselun lataaminen epäonnistui: %{details}",
      "onFailToPersist": "Tallentaminen epäonnistui: %{details}",
      "onFailToDelete": "Poistaminen epäonnistui: %{details}",
      "onFailToUpdateStatus": "Tilan muuttaminen epäonnistui: %{details}",
      "missingRequiredField": "Pakollinen tieto puuttuu tai jokin tieto on väärin. Korjaa merkityt kentät ennen tallentamista.",
      "entrySaved": "Tarina tallennettu",
      "entryPublished": "Tarina julkaistu",
      "entryUnpublished": "Tarina poistettu julkaisusta",
      "onFailToPublishEntry": "Julkaiseminen epäonnistui: %{details}",
      "onFailToUnpublishEntry": "Julkaisusta poistaminen epäonnistui: %{details}",
      "entryUpdated": "Tarinan tila päivitetty",
      "onDeleteUnpublishedChanges": "Julkaisemattomat muutokset poistettu",
      "noteAdded": "Muistiinpano lisätty",
      "onFailToAddNote": "Muistiinpanon lisääminen epäonnistui: %{details}",
      "noteUpdated": "Muistiinpano päivitetty",
      "onFailToUpdateNote": "Muistiinpanon päivittäminen epäonnistui: %{details}",
      "noteDeleted": "Muistiinpano poistettu",
      "onFailToDeleteNote": "Muistiinpanon poistaminen epäonnistui: %{details}",
      "noteResolved": "Muistiinpano merkitty käsitellyksi",
      "noteReopened": "Muistiinpano avattu uudelleen",
      "onFailToToggleNote": "Muistiinpanon tilan muuttaminen epäonnistui: %{details}",
      "onFailToAuth": "%{details}",
      "onLoggedOut": "Sinut on kirjattu ulos. Ota tekstisi talteen ja kirjaudu uudelleen sisään.",
      "onBackendDown": "Taustapalvelussa on häiriö. Lisätietoja: %{details}"
    }
  },
  "workflow": {
    "workflow": {
      "loading": "Ladataan työnkulun tarinoita",
      "workflowHeading": "Työnkulku",
      "newPost": "Uusi tarina",
      "description": "%{smart_count} tarina odottaa tarkastusta, %{readyCount} on valmiina julkaistavaksi. |||| %{smart_count} tarinaa odottaa tarkastusta, %{readyCount} on valmiina julkaistavaksi. ",
      "dateFormat": "D.M."
    },
    "workflowCard": {
      "lastChange": "%{date}, %{author}",
      "lastChangeNoAuthor": "%{date}",
      "lastChangeNoDate": "%{author}",
      "deleteChanges": "Poista muutokset",
      "deleteNewEntry": "Poista uusi tarina",
      "publishChanges": "Julkaise muutokset",
      "publishNewEntry": "Julkaise uusi tarina"
    },
    "workflowList": {
      "onDeleteEntry": "Haluatko varmasti poistaa tämän tarinan?",
      "onPublishingNotReadyEntry": "Vain tilassa ”Valmis” olevia tarinoita voi julkaista. Vedä kortti Valmis-sarakkeeseen, jotta voit julkaista sen.",
      "onPublishEntry": "Haluatko varmasti julkaista tämän tarinan?",
      "draftHeader": "Luonnokset",
      "inReviewHeader": "Tarkastettavana",
      "readyHeader": "Valmiit",
      "currentEntries": "%{smart_count} tarina |||| %{smart_count} tarinaa"
    }
  }
},
"sv": {
  "auth": {
    "loginWithForgejo": "Logga in med Forgejo"
  },
  "collection": {
    "collectionTop": {
      "viewAsList": "Visa som lista",
      "viewAsGrid": "Visa som rutnät"
    },
    "entries": {
      "unpublishedHeader": "Opublicerade"
    }
  },
  "editor": {
    "editorControl": {
      "field": {
        "widgetLabel": "Fältet %{widgetLabel}"
      }
    },
    "editorControlPane": {
      "widget": {
        "regexPattern": "%{fieldLabel}: %{pattern}."
      },
      "i18n": {
        "copyFromLocale": "Fyll i från ett annat språk",
        "copyFromLocaleConfirm": "Vill du fylla i fälten med uppgifterna på %{locale}?\nAllt nuvarande innehåll på det här språket ersätts."
      }
    },
    "editorInterface": {
      "toggleNotes": "Visa eller dölj anteckningar"
    },
    "editorNotesPane": {
      "title": "Anteckningar",
      "emptyState": "Inga anteckningar ännu. Skriv den första nedan.",
      "addNote": "Lägg till anteckning",
      "addPlaceholder": "Skriv en anteckning…",
      "editPlaceholder": "Redigera anteckningen…",
      "save": "Spara",
      "cancel": "Avbryt",
      "edit": "Redigera",
      "delete": "Radera",
      "resolve": "Markera som behandlad",
      "unresolve": "Markera som obehandlad",
      "confirmDelete": "Vill du verkligen radera den här anteckningen?",
      "shortcut": "Tips: Ctrl+Enter lägger snabbt till en anteckning"
    },
    "editorToolbar": {
      "statusInfoTooltipDraft": "Berättelsen är ett utkast. När den är klar för granskning, ändra statusen till ”Under granskning”.",
      "statusInfoTooltipInReview": "Berättelsen granskas och du behöver inte göra något. Du kan ändå redigera den under granskningen."
    },
    "editorWidgets": {
      "markdown": {
        "strikethrough": "Genomstruken",
        "toggleMode": {
          "rich": "Växla till formaterad text",
          "markdown": "Växla till Markdown-läge"
        }
      },
      "image": {
        "chooseMultiple": "Välj bilder",
        "addMore": "Lägg till fler bilder",
        "removeAll": "Ta bort alla bilder"
      },
      "file": {
        "chooseMultiple": "Välj filer",
        "addMore": "Lägg till fler filer",
        "removeAll": "Ta bort alla filer"
      },
      "datetime": {
        "setToNow": "Sätt %{fieldLabel} till nu"
      },
      "list": {
        "add": "Lägg till: %{item}",
        "addType": "Lägg till: %{item}"
      },
      "object": {
        "expand": "Visa",
        "collapse": "Dölj"
      }
    }
  },
  "mediaLibrary": {
    "mediaLibraryModal": {
      "close": "Stäng"
    }
  },
  "ui": {
    "settingsDropdown": {
      "account": "Val för användarkontot"
    },
    "toast": {
      "noteAdded": "Anteckningen har lagts till",
      "onFailToAddNote": "Det gick inte att lägga till anteckningen: %{details}",
      "noteUpdated": "Anteckningen har uppdaterats",
      "onFailToUpdateNote": "Det gick inte att uppdatera anteckningen: %{details}",
      "noteDeleted": "Anteckningen har raderats",
      "onFailToDeleteNote": "Det gick inte att radera anteckningen: %{details}",
      "noteResolved": "Anteckningen har markerats som behandlad",
      "noteReopened": "Anteckningen har öppnats på nytt",
      "onFailToToggleNote": "Det gick inte att ändra anteckningens status: %{details}"
    }
  }
}
};
