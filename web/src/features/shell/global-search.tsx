import SearchIcon from '@mui/icons-material/Search';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useLocale, useT } from '../../app/i18n/locale-provider.js';
import { searchTypeLabel, useRecordSearch, type SearchHit } from './search-api.js';
import { useOpenLink } from './use-notifications.js';

/** Top-bar record search: results drop down as you type; Enter/click opens the record. */
export function GlobalSearch() {
  const t = useT();
  const { locale } = useLocale();
  const [input, setInput] = useState('');
  const search = useRecordSearch(input);
  const openLink = useOpenLink();
  const options = input.trim().length >= 2 ? (search.data ?? []) : [];

  return (
    <Autocomplete<SearchHit, false, false, false>
      sx={{ width: '100%', maxWidth: 480 }}
      options={options}
      filterOptions={(x) => x}
      groupBy={(o) => searchTypeLabel(o.type, locale)}
      getOptionLabel={(o) => o.title}
      getOptionKey={(o) => `${o.type}:${o.id}`}
      isOptionEqualToValue={(a, b) => a.type === b.type && a.id === b.id}
      inputValue={input}
      onInputChange={(_e, v, reason) => {
        if (reason !== 'reset') setInput(v);
      }}
      value={null}
      onChange={(_e, hit) => {
        if (hit) {
          setInput('');
          openLink(hit.link);
        }
      }}
      loading={search.isFetching}
      loadingText={t.common.loading}
      noOptionsText={input.trim().length >= 2 ? t.shell.noResults : t.shell.globalSearchPlaceholder}
      openOnFocus={false}
      forcePopupIcon={false}
      clearOnBlur={false}
      blurOnSelect
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={key} {...rest} sx={{ display: 'block !important' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {o.title}
            </Typography>
            {o.subtitle && (
              <Typography variant="caption" color="text.secondary">
                {o.subtitle}
              </Typography>
            )}
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder={t.shell.globalSearchPlaceholder}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'aria-label': t.shell.globalSearch },
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
          sx={{ '& .MuiOutlinedInput-root': { bgcolor: 'action.hover', borderRadius: 2 } }}
        />
      )}
    />
  );
}
